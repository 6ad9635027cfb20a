# Run by cpack (CPACK_PRE_BUILD_SCRIPTS) on the staged files, before the .deb is made.
# 1. Refuse to package when the changelog or the metainfo do not name this version.
set(VERSION "${CPACK_MAILDECK_VERSION}")
set(RELEASE "${CPACK_MAILDECK_RELEASE}")
set(CHANGELOG "${CPACK_MAILDECK_CHANGELOG}")
set(METAINFO "${CPACK_MAILDECK_METAINFO}")
include("${CMAKE_CURRENT_LIST_DIR}/CheckVersions.cmake")

# 2. Strip the binaries the way dh_strip does: CPACK_STRIP_FILES leaves .comment and .note.
file(GLOB binaries "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/usr/bin/*")
foreach(binary ${binaries})
  execute_process(COMMAND "${CPACK_MAILDECK_STRIP}" --remove-section=.comment --remove-section=.note
                          "${binary}"
                  COMMAND_ERROR_IS_FATAL ANY)
endforeach()
