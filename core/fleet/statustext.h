// StatusText: reads the engine's status words ("Up 2 minutes", "Exited (0) 3 hours ago") into
// times, and words them again for any later moment, so the uptime column does not freeze at
// what the list said when it was fetched.
#pragma once

#include <QCoreApplication>
#include <QString>

namespace slipway::core {

struct ContainerRecord;

class StatusText {
    Q_DECLARE_TR_FUNCTIONS(StatusText)

public:
    struct Parsed {
        qint64 secondsAgo = -1; // how long the state has lasted; -1 when the text has no duration
        int exitCode = -1;
    };
    // Understands the engine's own English forms (Docker's HumanDuration); anything else is
    // returned as not parsed.
    static Parsed parse(QStringView status);
    // The engine's duration words back to seconds: "About an hour" -> 3600; -1 if not one.
    static qint64 parseDuration(QStringView words);

    // "3 minutes", for people; translated.
    static QString duration(qint64 seconds);
    // The record's status as of `now` (Unix seconds): "Up 3 minutes", "Exited (0) 2 hours ago",
    // with the health in brackets; the engine's words when they could not be parsed.
    static QString describe(const ContainerRecord &record, qint64 now);
};

} // namespace slipway::core
