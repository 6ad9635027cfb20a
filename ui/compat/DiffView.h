#pragma once

#include <QPlainTextEdit>

namespace maildeck::ui {

// A read-only, monospace view of a unified diff: added lines in the Success tone, removed lines
// in the Error tone, hunk headers in the Info tone and file headers in bold (ThemeColors, so it
// stays readable under light and dark palettes).
class DiffView : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit DiffView(QWidget *parent = nullptr);

    void setDiff(const QByteArray &unifiedDiff);
    QByteArray diff() const { return m_diff; }

    // What a diff line is (for colouring and tests).
    enum class LineKind { Context, Added, Removed, Hunk, FileHeader };
    static LineKind lineKind(QStringView line);

protected:
    void changeEvent(QEvent *event) override;

private:
    QByteArray m_diff;
    class Highlighter;
    Highlighter *m_highlighter = nullptr;
};

} // namespace maildeck::ui
