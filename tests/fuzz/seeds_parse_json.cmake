# Seeds for fuzz_parse_json, built before each run from the recorded and handmade replies: each
# reply prefixed with the byte that sends it to the parser it was meant for, streams cut into
# their documents. The byte for target i is 80 + i ('P' + i), which is i modulo 20, the number
# of targets in fuzz_parse_json.cpp. Included by run_fuzzer.cmake with SEED_OUT and DATA set.
set(targets version info containers containerInspect images imageInspect imageHistory networks
    event stats progress services service tasks nodes node createdId errorMessage
    compareApiVersions execState)
# file name pattern -> target
set(patterns
    "^version" version
    "^info" info
    "^containers_" containers
    "^container_inspect" containerInspect
    "^images_" images
    "^image_inspect" imageInspect
    "^image_history" imageHistory
    "^networks_" networks
    "^events?[_.]" event
    "^stats_" stats
    "^(pull_)?progress" progress
    "^services_" services
    "^service_inspect" service
    "^tasks_" tasks
    "^nodes_" nodes
    "^created_" createdId
    "^error_" errorMessage
    "^exec_" execState)

function(prefix_of target out)
    list(FIND targets ${target} index)
    math(EXPR code "80 + ${index}")
    string(ASCII ${code} char)
    set(${out} ${char} PARENT_SCOPE)
endfunction()

set(count 0)
foreach(dir ${DATA})
    file(GLOB files ${dir}/*.json ${dir}/*.jsonl ${dir}/*.txt)
    foreach(file ${files})
        get_filename_component(name ${file} NAME)
        set(target "")
        list(LENGTH patterns n)
        math(EXPR last "${n} - 1")
        foreach(i RANGE 0 ${last} 2)
            math(EXPR j "${i} + 1")
            list(GET patterns ${i} pattern)
            if(name MATCHES "${pattern}")
                list(GET patterns ${j} target)
                break()
            endif()
        endforeach()
        if(target STREQUAL "")
            continue()
        endif()
        prefix_of(${target} prefix)
        file(READ ${file} content)
        if(name MATCHES "\\.jsonl$")
            # One seed per document: the parsers read one at a time.
            set(rest "${content}")
            set(line 0)
            while(NOT rest STREQUAL "" AND line LESS 20)
                string(FIND "${rest}" "\n" nl)
                if(nl EQUAL -1)
                    set(doc "${rest}")
                    set(rest "")
                else()
                    string(SUBSTRING "${rest}" 0 ${nl} doc)
                    math(EXPR next "${nl} + 1")
                    string(SUBSTRING "${rest}" ${next} -1 rest)
                endif()
                if(NOT doc STREQUAL "")
                    file(WRITE ${SEED_OUT}/${name}.${line} "${prefix}${doc}")
                    math(EXPR line "${line} + 1")
                    math(EXPR count "${count} + 1")
                endif()
            endwhile()
        else()
            file(WRITE ${SEED_OUT}/${name} "${prefix}${content}")
            math(EXPR count "${count} + 1")
        endif()
    endforeach()
endforeach()
# Version pairs for compareApiVersions.
prefix_of(compareApiVersions prefix)
file(WRITE ${SEED_OUT}/versions.0 "${prefix}1.41\n1.45")
file(WRITE ${SEED_OUT}/versions.1 "${prefix}1.41.0\n1.41")
# Container lists the recorded replies do not show: repeated keys (the last one wins), members
# out of key order, nulls inside arrays, escapes in names and label keys.
prefix_of(containers prefix)
file(WRITE ${SEED_OUT}/containers.repeated "${prefix}[{\"Id\":5,\"Id\":\"a\",\"Labels\":{\"b\":1,\"a\":\"x\",\"b\":null},\"NetworkSettings\":{\"Networks\":{\"z\":{},\"y\":null,\"z\":3}},\"Ports\":[null,{\"PrivatePort\":80,\"PrivatePort\":81}],\"Mounts\":[{\"RW\":false,\"RW\":null}]}]")
file(WRITE ${SEED_OUT}/containers.escapes "${prefix}[{\"Id\":\"\\u0061\",\"Names\":[\"/caf\\u00e9\"],\"Labels\":{\"k\\u0000x\":\"\\ud83d\\ude80\"},\"Created\":-9223372036854775809}]")
# Exec states: running (ExitCode null), finished, and the edges of an int.
prefix_of(execState prefix)
file(WRITE ${SEED_OUT}/exec.running "${prefix}{\"ID\":\"e1\",\"Running\":true,\"ExitCode\":null,\"Pid\":42}")
file(WRITE ${SEED_OUT}/exec.done "${prefix}{\"ID\":\"e1\",\"Running\":false,\"ExitCode\":3,\"ProcessConfig\":{\"entrypoint\":\"sh\"}}")
file(WRITE ${SEED_OUT}/exec.edges "${prefix}{\"Running\":false,\"ExitCode\":-2147483648}")
file(WRITE ${SEED_OUT}/exec.range "${prefix}{\"Running\":false,\"ExitCode\":2147483648.0}")
message(STATUS "fuzz_parse_json: ${count} seeds from ${DATA}")
