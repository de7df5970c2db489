# engine/ is private to core/ (engine/CMakeLists.txt): checks that every engine header has its
# stand-in in GUARD_DIR, and that a source compiled with the real flags of each target in
# TARGETS (taken from compile_commands.json) is refused when it reaches an engine header through
# a core one, while the same source compiles once the stand-ins are out of the way.
#
#   cmake -DCOMPILE_COMMANDS=<build>/compile_commands.json -DSOURCE_DIR=<checkout>
#         -DGUARD_DIR=<stand-ins> -DWORK=<scratch dir> -DTARGETS=a,b,... -P engineguard.cmake
foreach(var COMPILE_COMMANDS SOURCE_DIR GUARD_DIR WORK TARGETS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "engineguard.cmake needs -D${var}=...")
    endif()
endforeach()
set(probe ${CMAKE_CURRENT_LIST_DIR}/probe.cpp)
set(refusal "engine/ is private to core/")

# Every engine header, so that a new one cannot slip past.
file(GLOB headers RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/engine/*.h)
set(missing)
foreach(h ${headers})
    if(NOT EXISTS ${GUARD_DIR}/${h})
        list(APPEND missing ${h})
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "engine headers without a stand-in in ${GUARD_DIR}: ${missing}")
endif()
list(LENGTH headers count)
message(STATUS "all ${count} engine headers have their stand-in")

if(NOT EXISTS ${COMPILE_COMMANDS})
    message(FATAL_ERROR "no ${COMPILE_COMMANDS}: configure with CMAKE_EXPORT_COMPILE_COMMANDS ON")
endif()
file(MAKE_DIRECTORY ${WORK})

# The compiler's arguments for one source of `target`, without its input, output and depfile,
# and without the stand-ins when `drop_guard` is true.
function(flags_of target drop_guard out)
    file(STRINGS ${COMPILE_COMMANDS} lines REGEX "\"command\": .*CMakeFiles/${target}\\.dir/")
    if(NOT lines)
        message(FATAL_ERROR "compile_commands.json has no source of target ${target}")
    endif()
    list(GET lines 0 line)
    string(REGEX REPLACE ",[ \t]*$" "" line "${line}")
    string(JSON command GET "{${line}}" command)
    separate_arguments(args UNIX_COMMAND "${command}")
    set(kept)
    set(skip FALSE)
    foreach(a ${args})
        if(skip)
            set(skip FALSE)
        elseif(a MATCHES "^-(o|c|MT|MF)$")
            set(skip TRUE)
        elseif(NOT a STREQUAL "-MD" AND NOT (drop_guard AND a MATCHES "^-I${GUARD_DIR}/?$"))
            list(APPEND kept "${a}")
        endif()
    endforeach()
    set(${out} "${kept}" PARENT_SCOPE)
endfunction()

# Preprocessing is enough: the guard is an #error.
function(preprocess target drop_guard result output)
    flags_of(${target} ${drop_guard} args)
    execute_process(COMMAND ${args} -E -o ${WORK}/${target}.i ${probe}
                    WORKING_DIRECTORY ${WORK} RESULT_VARIABLE rc OUTPUT_VARIABLE out
                    ERROR_VARIABLE out)
    set(${result} ${rc} PARENT_SCOPE)
    set(${output} "${out}" PARENT_SCOPE)
endfunction()

string(REPLACE "," ";" targets "${TARGETS}")
foreach(target ${targets})
    preprocess(${target} FALSE rc out)
    if(rc EQUAL 0 OR NOT out MATCHES "${refusal}")
        message(FATAL_ERROR "${target}: a core header that reaches engine/ was not refused "
                            "(exit ${rc}):\n${out}")
    endif()
    message(STATUS "${target}: refused, as it must be")
endforeach()

# Without the stand-ins the same source goes through: the flags are whole, and the refusal
# above was the guard's.
list(GET targets 0 first)
preprocess(${first} TRUE rc out)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${first} without the stand-ins: the probe does not compile "
                        "(exit ${rc}):\n${out}")
endif()
message(STATUS "${first} without the stand-ins: accepted")
