# StallcheckPackage.cmake - the CMake package users find with
# find_package(stallcheck) (docs/build-integration.md): a config file for
# the install tree and one for the build tree, the version file, and their
# install rules.  Included from the top CMakeLists.txt after driver/ and
# plugin/, whose targets it names.
include(CMakePackageConfigHelpers)

set(STALLCHECK_PACKAGE_DESTINATION "${CMAKE_INSTALL_LIBDIR}/cmake/stallcheck")
set(STALLCHECK_CONFIG_CLANG_MAJOR "")
if(TARGET stallcheck-plugin)
  # The version plugin/ found clang at (ClangCompat.h's BuiltForMajor).
  get_directory_property(STALLCHECK_CONFIG_CLANG_MAJOR DIRECTORY ${PROJECT_SOURCE_DIR}/plugin
                         DEFINITION CLANG_VERSION_MAJOR)
  if(NOT STALLCHECK_CONFIG_CLANG_MAJOR)
    get_directory_property(STALLCHECK_CONFIG_CLANG_MAJOR DIRECTORY ${PROJECT_SOURCE_DIR}/plugin
                           DEFINITION LLVM_VERSION_MAJOR)
  endif()
endif()

write_basic_package_version_file(${PROJECT_BINARY_DIR}/stallcheckConfigVersion.cmake
                                 VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)

# stallcheckConfig.cmake.in at `output`, naming these files (the plugin's
# only when it is built).
function(stallcheck_configure_package output prefix_code executable plugin enable_module)
  set(STALLCHECK_CONFIG_PREFIX_CODE "${prefix_code}")
  set(STALLCHECK_CONFIG_EXECUTABLE "${executable}")
  set(STALLCHECK_CONFIG_PLUGIN "")
  if(TARGET stallcheck-plugin)
    set(STALLCHECK_CONFIG_PLUGIN "${plugin}")
  endif()
  set(STALLCHECK_CONFIG_ENABLE_MODULE "${enable_module}")
  configure_file(${PROJECT_SOURCE_DIR}/cmake/stallcheckConfig.cmake.in ${output} @ONLY)
endfunction()

# Install tree: paths relative to the config file, so that
# `cmake --install --prefix DIR` and a moved prefix work.
file(RELATIVE_PATH config_to_prefix "/prefix/${STALLCHECK_PACKAGE_DESTINATION}" "/prefix")
stallcheck_configure_package(
  ${PROJECT_BINARY_DIR}/cmake/install/stallcheckConfig.cmake
  "get_filename_component(_stallcheck_prefix \"\${CMAKE_CURRENT_LIST_DIR}/${config_to_prefix}\" ABSOLUTE)"
  "\${_stallcheck_prefix}/${CMAKE_INSTALL_BINDIR}/stallcheck"
  "\${_stallcheck_prefix}/${CMAKE_INSTALL_LIBDIR}/stallcheck/stallcheck-plugin.so"
  "\${CMAKE_CURRENT_LIST_DIR}/StallcheckEnable.cmake")
install(FILES ${PROJECT_BINARY_DIR}/cmake/install/stallcheckConfig.cmake
              ${PROJECT_BINARY_DIR}/stallcheckConfigVersion.cmake
              ${CMAKE_CURRENT_LIST_DIR}/StallcheckEnable.cmake
        DESTINATION ${STALLCHECK_PACKAGE_DESTINATION})

# Build tree: find_package(stallcheck PATHS <build-dir>) uses the built
# driver and plugin in place (their paths are generator expressions, so
# file(GENERATE) writes the file).  A multi-config generator has one of each
# per configuration, so it gets no build-tree package.
get_property(multi_config GLOBAL PROPERTY GENERATOR_IS_MULTI_CONFIG)
if(NOT multi_config)
  stallcheck_configure_package(${PROJECT_BINARY_DIR}/cmake/build-tree/stallcheckConfig.cmake.in ""
                               "$<TARGET_FILE:stallcheck>" "$<TARGET_FILE:stallcheck-plugin>"
                               "${CMAKE_CURRENT_LIST_DIR}/StallcheckEnable.cmake")
  file(GENERATE OUTPUT ${PROJECT_BINARY_DIR}/stallcheckConfig.cmake
       INPUT ${PROJECT_BINARY_DIR}/cmake/build-tree/stallcheckConfig.cmake.in)
endif()
