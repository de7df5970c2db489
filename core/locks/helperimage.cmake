# Builds the helper image (slipway/helper:<hash>) as a `docker load` archive, offline, from a
# static busybox: one layer with /bin/busybox, the applet links the helpers run and /tmp.
# The bytes depend only on busybox's: every time, owner and order in the tars is fixed.
#
#   cmake -DBUSYBOX=/bin/busybox -DWORK=dir -DOUT=helperimage.tar -DREF=helperimage.ref
#         -DARCH=amd64 -P helperimage.cmake
foreach(var BUSYBOX WORK OUT REF ARCH)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "helperimage.cmake: ${var} is not set")
    endif()
endforeach()
if(NOT EXISTS "${BUSYBOX}")
    message(FATAL_ERROR "helperimage.cmake: ${BUSYBOX} not found; install busybox-static (scripts/deps.sh)")
endif()
find_program(TAR_TOOL NAMES tar REQUIRED)

file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}/rootfs/bin" "${WORK}/rootfs/tmp" "${WORK}/image")
file(COPY_FILE "${BUSYBOX}" "${WORK}/rootfs/bin/busybox")
file(CHMOD "${WORK}/rootfs/bin/busybox" PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE
     GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
foreach(applet sh wget nc sleep true cat)
    file(CREATE_LINK busybox "${WORK}/rootfs/bin/${applet}" SYMBOLIC)
endforeach()

set(deterministic --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner --format=gnu)
# /tmp as on any system: everyone writes, the sticky bit keeps their files apart.
execute_process(COMMAND "${TAR_TOOL}" -C "${WORK}/rootfs" ${deterministic} --mode=go-w
                        -cf "${WORK}/layer.tar" bin
                COMMAND_ERROR_IS_FATAL ANY)
execute_process(COMMAND "${TAR_TOOL}" -C "${WORK}/rootfs" ${deterministic} --mode=1777
                        --no-recursion -rf "${WORK}/layer.tar" tmp
                COMMAND_ERROR_IS_FATAL ANY)
file(SHA256 "${WORK}/layer.tar" diff)

string(CONCAT config
    "{\"architecture\":\"${ARCH}\",\"os\":\"linux\",\"created\":\"1970-01-01T00:00:00Z\","
    "\"config\":{\"Cmd\":[\"/bin/sh\"],\"Labels\":{\"slipway.helper\":\"1\"}},"
    "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:${diff}\"]},"
    "\"history\":[{\"created\":\"1970-01-01T00:00:00Z\","
    "\"created_by\":\"Slipway's build: Debian busybox-static\"}]}")
string(SHA256 id "${config}")
string(SUBSTRING "${id}" 0 12 short)
set(reference "slipway/helper:${short}")
file(WRITE "${WORK}/image/${id}.json" "${config}")
file(MAKE_DIRECTORY "${WORK}/image/${diff}")
file(RENAME "${WORK}/layer.tar" "${WORK}/image/${diff}/layer.tar")
file(WRITE "${WORK}/image/manifest.json"
     "[{\"Config\":\"${id}.json\",\"RepoTags\":[\"${reference}\"],\"Layers\":[\"${diff}/layer.tar\"]}]")
execute_process(COMMAND "${TAR_TOOL}" -C "${WORK}/image" ${deterministic} -cf "${OUT}" .
                COMMAND_ERROR_IS_FATAL ANY)
file(WRITE "${REF}" "${reference}")
