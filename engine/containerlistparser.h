// ContainerListParser: the Engine API's GET /containers/json reply -> ContainerSummary list,
// read with nlohmann's SAX interface straight into the structs; the rest of each item
// (HostConfig, the endpoint details under NetworkSettings, SizeRw, ...) is skipped without being
// materialised. Same results and the same Parse error messages as the DOM read it replaced (see
// tests/unit/engine/tst_containerlistparser).
#pragma once

#include "engine/result.h"
#include "engine/types.h"

#include <string_view>
#include <vector>

namespace slipway::engine {

// Errors are ErrorKind::Parse, prefixed "containers: ", naming the item and the field that was
// wrong. A null reply is an empty list.
Result<std::vector<ContainerSummary>> parseContainerList(std::string_view json);

} // namespace slipway::engine
