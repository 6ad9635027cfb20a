# Sources of maildeck-cli (paths relative to app/).
target_sources(maildeck-cli PRIVATE
    cli/main.cpp
    cli/CliCommands.h cli/CliCommands.cpp
    cli/CliSupport.h cli/CliSupport.cpp
    cli/CliConnection.h cli/CliConnection.cpp
    cli/CliRemoteCommands.h cli/CliRemoteCommands.cpp
    cli/CliDataCommands.h cli/CliDataCommands.cpp
    cli/CliListCommands.h cli/CliListCommands.cpp
    cli/CliAdminCommands.h cli/CliAdminCommands.cpp
    cli/CliLogCommands.h cli/CliLogCommands.cpp
    cli/CliConfigCommands.h cli/CliConfigCommands.cpp
    cli/CliCompatCommands.h cli/CliCompatCommands.cpp
)
