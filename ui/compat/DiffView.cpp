#include "ui/compat/DiffView.h"

#include "ui/common/ThemeColors.h"

#include <QEvent>
#include <QFontDatabase>
#include <QSyntaxHighlighter>

namespace maildeck::ui {

class DiffView::Highlighter : public QSyntaxHighlighter {
public:
    Highlighter(QTextDocument *document, QWidget *view)
        : QSyntaxHighlighter(document)
        , m_view(view) {}

protected:
    void highlightBlock(const QString &text) override {
        const QPalette &palette = m_view->palette();
        QTextCharFormat format;
        switch (DiffView::lineKind(text)) {
        case LineKind::Added:
            format.setForeground(toneText(Tone::Success, palette, QPalette::Base));
            break;
        case LineKind::Removed:
            format.setForeground(toneText(Tone::Error, palette, QPalette::Base));
            break;
        case LineKind::Hunk:
            format.setForeground(toneText(Tone::Info, palette, QPalette::Base));
            break;
        case LineKind::FileHeader:
            format.setFontWeight(QFont::Bold);
            break;
        case LineKind::Context:
            return;
        }
        setFormat(0, int(text.size()), format);
    }

private:
    QWidget *m_view;
};

DiffView::DiffView(QWidget *parent)
    : QPlainTextEdit(parent) {
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_highlighter = new Highlighter(document(), this);
}

void DiffView::setDiff(const QByteArray &unifiedDiff) {
    m_diff = unifiedDiff;
    setPlainText(QString::fromUtf8(unifiedDiff));
}

DiffView::LineKind DiffView::lineKind(QStringView line) {
    if (line.startsWith(u"+++ ") || line.startsWith(u"--- "))
        return LineKind::FileHeader;
    if (line.startsWith(u"@@"))
        return LineKind::Hunk;
    if (line.startsWith(u'+'))
        return LineKind::Added;
    if (line.startsWith(u'-'))
        return LineKind::Removed;
    return LineKind::Context;
}

void DiffView::changeEvent(QEvent *event) {
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_highlighter)
        m_highlighter->rehighlight();
}

} // namespace maildeck::ui
