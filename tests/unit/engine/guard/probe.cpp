// What engineguard.cmake compiles with the flags of models/, widgets/ and app/slipway: a core
// header that reaches engine/ (here engine/endpoint.h), which those layers must not include.
#include "core/fleet/hostendpoint.h"

int main() {
    return 0;
}
