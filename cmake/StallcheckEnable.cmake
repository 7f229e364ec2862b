# StallcheckEnable.cmake - stallcheck_enable(), included by
# find_package(stallcheck) (stallcheckConfig.cmake sets STALLCHECK_PLUGIN,
# STALLCHECK_PLUGIN_CLANG_VERSION and stallcheck::stallcheck).
#
#   stallcheck_enable(<target> [SARIF_DIR <dir>] [CONFIG <file>] [WERROR|NO_WERROR])
#
# Loads stallcheck's clang plugin into every C compile of <target>, so its
# findings are compiler warnings in the build output.
#
#   SARIF_DIR <dir>  each C source also writes its findings as SARIF to
#                    <dir>/<target>/<source path>.sarif, and the custom target
#                    <target>-stallcheck-sarif merges them into
#                    <dir>/<target>.sarif (`stallcheck merge`, locations
#                    relative to %SRCROOT% = the top source directory)
#   CONFIG <file>    read this configuration instead of the nearest
#                    .stallcheck.json above each source
#   NO_WERROR        findings stay warnings even if the target uses -Werror
#   WERROR           compile the target with -Werror, so a finding fails the
#                    build (the compiler's own warnings too: the findings are
#                    not a warning group of their own)
#
# The plugin loads only into the clang it was built for: with another C
# compiler, stallcheck_enable() says so in a warning and changes nothing.
include_guard(GLOBAL)

function(stallcheck_enable target)
  cmake_parse_arguments(PARSE_ARGV 1 SC "WERROR;NO_WERROR" "SARIF_DIR;CONFIG" "")
  if(SC_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "stallcheck_enable(${target}): unknown arguments: ${SC_UNPARSED_ARGUMENTS} "
                        "(expected SARIF_DIR <dir>, CONFIG <file>, WERROR or NO_WERROR)")
  endif()
  if(NOT TARGET ${target})
    message(FATAL_ERROR "stallcheck_enable(${target}): no target named ${target}")
  endif()
  if(SC_WERROR AND SC_NO_WERROR)
    message(FATAL_ERROR "stallcheck_enable(${target}): WERROR and NO_WERROR together")
  endif()

  # Only the clang the plugin was built for can load it (clang's C++ API
  # changes between major versions).
  set(why "")
  string(REGEX MATCH "^[0-9]+" compiler_major "${CMAKE_C_COMPILER_VERSION}")
  if(NOT STALLCHECK_PLUGIN)
    set(why "this stallcheck was built without its clang plugin (-DSTALLCHECK_BUILD_PLUGIN=ON builds it)")
  elseif(NOT CMAKE_C_COMPILER_ID STREQUAL "Clang" OR NOT compiler_major STREQUAL STALLCHECK_PLUGIN_CLANG_VERSION)
    set(compiler "${CMAKE_C_COMPILER_ID} ${CMAKE_C_COMPILER_VERSION}")
    if(NOT CMAKE_C_COMPILER_ID)
      set(compiler "no C compiler")
    endif()
    set(why "the C compiler is ${compiler} (${CMAKE_C_COMPILER}), but the stallcheck plugin loads only into "
            "clang ${STALLCHECK_PLUGIN_CLANG_VERSION} (-DCMAKE_C_COMPILER=clang-${STALLCHECK_PLUGIN_CLANG_VERSION})")
  endif()
  if(why)
    string(CONCAT why ${why})
    message(WARNING "stallcheck_enable(${target}): ${why}; ${target} is built without stallcheck")
    return()
  endif()

  set(options "-fplugin=${STALLCHECK_PLUGIN}")
  set(config "")
  if(SC_CONFIG)
    get_filename_component(config "${SC_CONFIG}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
    list(APPEND options "-fplugin-arg-stallcheck-config=${config}")
    set_property(TARGET ${target} PROPERTY STALLCHECK_CONFIG "${config}")
  endif()
  if(SC_NO_WERROR)
    list(APPEND options "-fplugin-arg-stallcheck-no-werror")
  elseif(SC_WERROR)
    list(APPEND options "-Werror")
  endif()
  foreach(option IN LISTS options)
    target_compile_options(${target} PRIVATE "$<$<COMPILE_LANGUAGE:C>:${option}>")
  endforeach()

  set(sarif_dir "")
  if(SC_SARIF_DIR)
    get_filename_component(sarif_dir "${SC_SARIF_DIR}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_BINARY_DIR}")
    set_property(TARGET ${target} PROPERTY STALLCHECK_SARIF_DIR "${sarif_dir}")
    add_custom_target(${target}-stallcheck-sarif
                      COMMAND stallcheck::stallcheck merge --srcroot "${CMAKE_SOURCE_DIR}"
                              -o "${sarif_dir}/${target}.sarif" "${sarif_dir}/${target}"
                      BYPRODUCTS "${sarif_dir}/${target}.sarif"
                      COMMENT "Merging stallcheck's SARIF logs of ${target} into ${sarif_dir}/${target}.sarif"
                      VERBATIM)
    add_dependencies(${target}-stallcheck-sarif ${target})
  endif()

  # Per-source settings wait for the end of this directory, so that sources
  # added to the target after this call get them too.
  if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.19)
    # (A deferred call's arguments are evaluated when it runs: name the
    # target now.)
    cmake_language(EVAL CODE "cmake_language(DEFER CALL _stallcheck_enable_sources [[${target}]])")
  else()
    _stallcheck_enable_sources(${target})
  endif()
endfunction()

# Each C source of `target`: its SARIF log (when there is a SARIF_DIR), and a
# recompile when the plugin or the configuration changes.
function(_stallcheck_enable_sources target)
  get_target_property(sarif_dir ${target} STALLCHECK_SARIF_DIR)
  get_target_property(config ${target} STALLCHECK_CONFIG)
  if(NOT config)
    set(config "")
  endif()
  get_target_property(sources ${target} SOURCES)
  get_target_property(source_dir ${target} SOURCE_DIR)
  get_target_property(binary_dir ${target} BINARY_DIR)
  set(sarif_option "-fplugin-arg-stallcheck-sarif=$<TARGET_PROPERTY:STALLCHECK_SARIF_DIR>/$<TARGET_PROPERTY:NAME>/")
  set(subdirs "${sarif_dir}/${target}")
  foreach(source IN LISTS sources)
    if(source MATCHES "^\\$<")
      continue() # $<TARGET_OBJECTS:...> and the like: not sources of this target
    endif()
    get_source_file_property(language "${source}" TARGET_DIRECTORY ${target} LANGUAGE)
    if(NOT (language STREQUAL "C" OR (NOT language AND source MATCHES "\\.c$")))
      continue()
    endif()
    set(path "${source}")
    if(NOT IS_ABSOLUTE "${path}")
      set(path "${source_dir}/${source}")
      if(NOT EXISTS "${path}" AND EXISTS "${binary_dir}/${source}")
        set(path "${binary_dir}/${source}")
      endif()
    endif()
    get_filename_component(path "${path}" ABSOLUTE)
    set(dependencies "${STALLCHECK_PLUGIN}" ${config})
    set_property(SOURCE "${path}" TARGET_DIRECTORY ${target} APPEND PROPERTY OBJECT_DEPENDS ${dependencies})
    if(NOT sarif_dir)
      continue()
    endif()
    # <dir>/<target>/src/io.c.sarif; a source outside the target's directory
    # (../common/x.c) stays inside <dir>/<target> as __/common/x.c.sarif.
    file(RELATIVE_PATH relative "${source_dir}" "${path}")
    string(REPLACE "../" "__/" relative "${relative}")
    get_filename_component(subdir "${sarif_dir}/${target}/${relative}" DIRECTORY)
    list(APPEND subdirs "${subdir}")
    # A source is one property for every target that compiles it: the option
    # names the target through generator expressions, and is added once.
    get_source_file_property(added "${path}" TARGET_DIRECTORY ${target} STALLCHECK_SARIF_ADDED)
    if(NOT added)
      set_property(SOURCE "${path}" TARGET_DIRECTORY ${target} APPEND PROPERTY COMPILE_OPTIONS
                   "$<$<BOOL:$<TARGET_PROPERTY:STALLCHECK_SARIF_DIR>>:${sarif_option}${relative}.sarif>")
      set_property(SOURCE "${path}" TARGET_DIRECTORY ${target} PROPERTY STALLCHECK_SARIF_ADDED TRUE)
    endif()
  endforeach()
  if(sarif_dir)
    # The plugin writes into existing directories only: make them before
    # each build (the tree may have been cleaned since configure).
    list(REMOVE_DUPLICATES subdirs)
    add_custom_target(${target}-stallcheck-dirs COMMAND ${CMAKE_COMMAND} -E make_directory ${subdirs} VERBATIM)
    add_dependencies(${target} ${target}-stallcheck-dirs)
    # `clean` takes the logs with the objects: none stays from a source the
    # target no longer has.
    set_property(TARGET ${target} APPEND PROPERTY ADDITIONAL_CLEAN_FILES "${sarif_dir}/${target}")
  endif()
endfunction()
