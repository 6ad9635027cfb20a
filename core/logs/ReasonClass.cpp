#include "core/logs/ReasonClass.h"

#include <array>

namespace maildeck::logs {

namespace {
constexpr std::array<std::string_view, kReasonClassCount> kIds = {
#define MAILDECK_REASON_ID(name, id) std::string_view(id),
    MAILDECK_REASON_CLASSES(MAILDECK_REASON_ID)
#undef MAILDECK_REASON_ID
};
} // namespace

std::string_view reasonId(ReasonClass reason) {
    const auto i = static_cast<std::size_t>(reason);
    return i < kIds.size() ? kIds[i] : std::string_view("other");
}

std::optional<ReasonClass> reasonFromId(std::string_view id) {
    for (std::size_t i = 0; i < kIds.size(); ++i) {
        if (kIds[i] == id)
            return static_cast<ReasonClass>(i);
    }
    return std::nullopt;
}

} // namespace maildeck::logs
