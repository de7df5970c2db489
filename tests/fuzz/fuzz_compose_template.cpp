// Compose templates (core/environments): the YAML of a template someone stored, with an env
// file after a NUL byte. Beyond "no crash, no leak, no undefined behaviour, no stack overflow
// in yaml-cpp": a template is either a project or at least one error, each error says what is
// wrong and points inside the file it names; an accepted project's dependency waves place every
// service once; and what the writer prints reads back to the same project.
#include "core/environments/composereader.h"
#include "core/environments/composewriter.h"

#include <QByteArray>
#include <QSet>
#include <cstdint>
#include <cstdlib>

using namespace slipway::core::env;

namespace {

bool inside(const TemplateError &e, const ComposeInput &in) {
    if (e.message.isEmpty() || e.pos.line < 0 || e.pos.column < 0)
        return false;
    const QByteArray bytes = e.file == in.fileName ? in.compose : in.files.value(e.file);
    if (e.file != in.fileName && !in.files.contains(e.file))
        return false;
    return e.pos.line <= bytes.count('\n') + 1;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const QByteArray all(reinterpret_cast<const char *>(data), qsizetype(size));
    ComposeInput in;
    const qsizetype nul = all.indexOf('\0');
    in.compose = nul < 0 ? all : all.left(nul);
    if (nul >= 0)
        in.files.insert(QStringLiteral("a.env"), all.mid(nul + 1));
    in.variables = {{QStringLiteral("A"), QStringLiteral("a")},
                    {QStringLiteral("EMPTY"), QString()}};
    in.projectName = QStringLiteral("fuzz");
    in.baseDirectory = QStringLiteral("/srv/t");
    in.remoteHost = size % 2 == 1;
    const ComposeResult r = ComposeReader::read(in);
    if (r.project.has_value() == !r.errors.isEmpty())
        std::abort();
    for (const TemplateError &e : r.errors)
        if (!inside(e, in))
            std::abort();
    if (!r.project)
        return 0;
    const ComposeProject &p = *r.project;
    const QList<QStringList> waves = p.waves();
    QSet<QString> placed;
    for (const QStringList &wave : waves)
        for (const QString &name : wave)
            if (!p.service(name) || placed.contains(name))
                std::abort();
            else
                placed.insert(name);
    if (placed.size() != p.services.size())
        std::abort(); // an accepted project has no cycle
    ComposeInput again;
    again.compose = ComposeWriter::yaml(p);
    again.projectName = p.name;
    const ComposeResult back = ComposeReader::read(again);
    if (!back.project || ComposeWriter::json(*back.project) != ComposeWriter::json(p))
        std::abort();
    return 0;
}
