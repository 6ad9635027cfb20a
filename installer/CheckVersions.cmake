# cmake -DVERSION=x.y.z -DRELEASE=n -DCHANGELOG=file -DMETAINFO=file -P CheckVersions.cmake
# Fails unless the Debian changelog's first entry is VERSION-RELEASE and the AppStream
# metainfo's newest <release> is VERSION: bump all three together.
file(STRINGS "${CHANGELOG}" first LIMIT_COUNT 1)
if(NOT first MATCHES "^maildeck \\(([^)]+)\\) ")
  message(FATAL_ERROR "${CHANGELOG}: the first line is not a Debian changelog entry: ${first}")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL "${VERSION}-${RELEASE}")
  message(FATAL_ERROR "${CHANGELOG} starts with version ${CMAKE_MATCH_1}, the package is "
                      "${VERSION}-${RELEASE}: add a changelog entry (dch -v ${VERSION}-${RELEASE})")
endif()
file(READ "${METAINFO}" metainfo)
if(NOT metainfo MATCHES "<release[ \t\n]+version=\"([^\"]+)\"")
  message(FATAL_ERROR "${METAINFO} has no <release version=\"...\">")
endif()
if(NOT CMAKE_MATCH_1 STREQUAL "${VERSION}")
  message(FATAL_ERROR "${METAINFO}: the newest <release> is ${CMAKE_MATCH_1}, the project is ${VERSION}: "
                      "add a <release> entry at the top of <releases>")
endif()
