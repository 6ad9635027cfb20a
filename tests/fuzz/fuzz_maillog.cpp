// libFuzzer target: arbitrary bytes as a mail log stream, through everything that reads one —
// the line splitter (cut at a point the input chooses, so partial lines carry over), the
// parser, the event store's interning, filters, group-bys, the histogram, the pattern detector
// and the per-row record, and the tally of `maildeck-cli rejects`. Any crash, sanitizer report or leak fails. Run by `./dev fuzz`.

#include "core/logs/EventStore.h"
#include "core/logs/LogIngest.h"
#include "core/logs/PatternDetector.h"
#include "core/logs/RejectTally.h"

#include <QString>

#include <cstddef>
#include <cstdint>

using namespace maildeck::logs;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const char *bytes = reinterpret_cast<const char *>(data);
    EventStore store;
    {
        LogIngestor ingestor(store, 4096); // a small line limit reaches the oversize path
        ingestor.parser().time().setReference(1764288000000, size ? int(data[0]) - 128 : 0);
        ingestor.beginSource(store.addSource({}), 0);
        const std::size_t cut = size ? data[size / 2] * size / 256 : 0;
        ingestor.feed(bytes, cut);
        ingestor.feed(bytes + cut, size - cut);
        ingestor.finish();
        const IngestStats &s = ingestor.stats();
        if (s.events > s.lines || s.rejects > s.events || s.events != store.size())
            __builtin_trap(); // the counters must add up
    }
    // Each line straight through the parser too, without the splitter's length limit, and its
    // events into a tally.
    LineParser parser;
    RejectTally tally;
    std::uint64_t events = 0;
    std::string_view rest(bytes, size);
    while (!rest.empty()) {
        const std::size_t nl = rest.find('\n');
        const ParsedLine parsed = parser.parse(rest.substr(0, nl));
        if (parsed.status == ParseStatus::Event) {
            tally.add(parsed);
            ++events;
        }
        rest = nl == std::string_view::npos ? std::string_view() : rest.substr(nl + 1);
    }
    if (tally.events() != events)
        __builtin_trap();
    for (Dimension d : {Dimension::Reason, Dimension::ClientIp, Dimension::RelayGroup,
                        Dimension::SenderDomain, Dimension::Recipient, Dimension::Helo,
                        Dimension::User})
        tally.top(d, 5);
    if (store.size() == 0)
        return 0;
    for (Dimension d : {Dimension::Reason, Dimension::ClientIp, Dimension::ClientHost,
                        Dimension::RelayGroup, Dimension::SenderDomain, Dimension::Sender,
                        Dimension::Recipient, Dimension::RecipientDomain, Dimension::Helo,
                        Dimension::User, Dimension::Server, Dimension::Program})
        store.groupBy(d, nullptr, 5);
    store.topRelaysPerReason(nullptr, 3);
    store.histogram(nullptr, store.timeMs(0) - 3600000, 60000, 120);
    for (std::uint32_t row = 0; row < store.size() && row < 64; ++row)
        store.record(row);
    // Filters with needles taken from the input itself.
    EventFilter filter;
    filter.text = QString::fromUtf8(bytes, qsizetype(std::min<std::size_t>(size, 12)));
    filter.client =
        QString::fromUtf8(bytes + size / 3, qsizetype(std::min<std::size_t>(size - size / 3, 18)));
    filter.senderDomain =
        QString::fromLatin1(store.senderDomain(0).data(), qsizetype(store.senderDomain(0).size()));
    store.select(filter);
    FilteredView view(store, filter);
    view.update();
    PatternDetector::detect(store, nullptr);
    return 0;
}
