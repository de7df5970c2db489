# Runs one libFuzzer target for ctest:
#   cmake -DFUZZER=<exe> -DNAME=<name> -DSCRATCH=<dir> -DARTIFACTS=<dir> -DRUNS=<n>
#         -DSEEDS="dir|dir|..." -DDATA="dir|dir" -P run_fuzzer.cmake
# New inputs go to SCRATCH/new, emptied first, so the source tree is never written and every
# run starts from the same corpus. A target with a seeds_<name>.cmake gets the seeds it builds
# from DATA in SCRATCH/seeds. Seed directories that do not exist (the recorded replies before
# they are recorded) are skipped, since libFuzzer refuses them.
file(REMOVE_RECURSE ${SCRATCH})
file(MAKE_DIRECTORY ${SCRATCH}/new ${SCRATCH}/seeds ${ARTIFACTS})
string(REPLACE "|" ";" SEEDS "${SEEDS}")
string(REPLACE "|" ";" DATA "${DATA}")
set(dirs ${SCRATCH}/new)
if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/seeds_${NAME}.cmake)
    set(SEED_OUT ${SCRATCH}/seeds)
    include(${CMAKE_CURRENT_LIST_DIR}/seeds_${NAME}.cmake)
    list(APPEND dirs ${SCRATCH}/seeds)
endif()
foreach(dir ${SEEDS})
    if(IS_DIRECTORY ${dir})
        list(APPEND dirs ${dir})
    endif()
endforeach()
execute_process(
    COMMAND ${FUZZER} -seed=1 -runs=${RUNS} -max_len=65536 -artifact_prefix=${ARTIFACTS}/
            -print_final_stats=1 ${dirs}
    RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${FUZZER} failed (${rc}); the input that failed is in ${ARTIFACTS}")
endif()
