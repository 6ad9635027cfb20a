#include "ui/domains/MailboxImportDialog.h"

#include "core/db/AliasRepository.h"
#include "core/db/Csv.h"
#include "core/db/DbWorker.h"
#include "core/db/EmailAddress.h"
#include "ui/common/MessageBanner.h"
#include "ui/common/ThemeColors.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/PasswordField.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QStringDecoder>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace maildeck::ui {

namespace {
enum Column { LineColumn, AddressColumn, NameColumn, QuotaColumn, StatusColumn, ColumnCount };
constexpr qint64 MaxFileBytes = 50 * 1024 * 1024;
} // namespace

MailboxImportDialog::MailboxImportDialog(DbWorker *db, const QString &domain,
                                         db::PasswordScheme scheme, QWidget *parent)
    : QDialog(parent)
    , m_db(db)
    , m_domain(domain)
    , m_scheme(scheme) {
    setObjectName(QStringLiteral("MailboxImportDialog"));
    setWindowTitle(tr("Import Mailboxes into %1").arg(db::DomainName::displayOf(domain)));
    m_banner = new MessageBanner(this);
    auto *intro = new QLabel(
        tr("A CSV file whose first line names the columns: address and password, optionally name, "
           "quota (MB, 0 = unlimited) and language. An address without @ gets @%1. Nothing is "
           "created unless every line is correct.")
            .arg(db::DomainName::displayOf(domain)),
        this);
    intro->setWordWrap(true);
    m_choose = new QPushButton(tr("&Choose File…"), this);
    m_choose->setAutoDefault(false);
    m_source = new QLabel(tr("No file chosen."), this);
    m_source->setObjectName(QStringLiteral("ImportSource"));
    m_schemeBox = new QComboBox(this);
    PasswordField::fillSchemes(m_schemeBox, scheme);
    auto *top = new QHBoxLayout;
    top->addWidget(m_choose);
    top->addWidget(m_source, 1);
    top->addWidget(new QLabel(tr("Hash scheme:"), this));
    top->addWidget(m_schemeBox);

    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("ImportPreview"));
    m_table->setHorizontalHeaderLabels(
        {tr("Line"), tr("Address"), tr("Name"), tr("Quota"), tr("Check")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("ImportSummary"));
    m_summary->setWordWrap(true);
    m_progress = new QProgressBar(this);
    m_progress->hide();
    m_import = new QPushButton(tr("&Import"), this);
    m_import->setObjectName(QStringLiteral("ImportButton"));
    m_import->setDefault(true);
    m_cancelButton = new QPushButton(tr("Close"), this);
    m_cancelButton->setAutoDefault(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addStretch();
    buttons->addWidget(m_import);
    buttons->addWidget(m_cancelButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(intro);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);

    m_progressTimer = new QTimer(this);
    m_progressTimer->setInterval(100);
    connect(m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_progressCount)
            m_progress->setValue(m_progressCount->load());
    });
    connect(m_choose, &QPushButton::clicked, this, &MailboxImportDialog::chooseFile);
    connect(m_import, &QPushButton::clicked, this, &MailboxImportDialog::startImport);
    connect(m_cancelButton, &QPushButton::clicked, this, [this] {
        if (m_importing) {
            m_cancel->store(true);
            m_cancelButton->setEnabled(false);
            m_summary->setText(tr("Cancelling: everything done so far is rolled back…"));
            return;
        }
        reject();
    });
    connect(m_schemeBox, &QComboBox::currentIndexChanged, this,
            [this] { m_scheme = db::PasswordScheme(m_schemeBox->currentData().toInt()); });
    setMinimumSize(640, 420);
    resize(760, 520);
    updateButtons();
}

void MailboxImportDialog::chooseFile() {
    auto *dialog = new QFileDialog(this, tr("Import Mailboxes"), QString(),
                                   tr("CSV files (*.csv *.txt);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this](const QString &path) { loadFile(path); });
    dialog->open();
}

bool MailboxImportDialog::loadFile(const QString &path) {
    QFile file(path);
    m_banner->hide();
    if (file.size() > MaxFileBytes) {
        m_banner->showMessage(
            MessageBanner::Kind::Error,
            tr("%1 is larger than 50 MB; split it into smaller files.").arg(path));
        return false;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray bytes = file.readAll();
    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8(bytes);
    if (utf8.hasError()) {
        m_banner->showMessage(MessageBanner::Kind::Error,
                              tr("%1 is not UTF-8 text. Save it as \"CSV UTF-8\" and try again.")
                                  .arg(QFileInfo(path).fileName()));
        return false;
    }
    setCsvText(text, QFileInfo(path).fileName());
    return true;
}

void MailboxImportDialog::setCsvText(const QString &text, const QString &sourceName) {
    m_lines.clear();
    m_fileError.clear();
    m_created = 0;
    m_source->setText(sourceName.isEmpty() ? tr("(pasted text)") : sourceName);
    auto records = db::Csv::parse(text);
    if (!records) {
        m_fileError = records.error().message;
    } else if (records->isEmpty()) {
        m_fileError = tr("The file is empty.");
    } else {
        const db::CsvRecord header = records->first();
        int colAddress = -1, colPassword = -1, colName = -1, colQuota = -1, colLanguage = -1;
        for (int i = 0; i < header.fields.size(); ++i) {
            const QString h = header.fields[i].trimmed().toLower();
            if (h == QLatin1String("address") || h == QLatin1String("email") ||
                h == QLatin1String("username") || h == QLatin1String("mail"))
                colAddress = i;
            else if (h == QLatin1String("password"))
                colPassword = i;
            else if (h == QLatin1String("name") || h == QLatin1String("display name"))
                colName = i;
            else if (h == QLatin1String("quota") || h == QLatin1String("quota_mb") ||
                     h == QLatin1String("quota (mb)"))
                colQuota = i;
            else if (h == QLatin1String("language"))
                colLanguage = i;
        }
        if (colAddress < 0 || colPassword < 0) {
            m_fileError = tr("Line %1: the first line must name the columns, with at least "
                             "\"address\" and \"password\" (also possible: name, quota, language).")
                              .arg(header.line);
        } else {
            QSet<QString> seen;
            for (qsizetype r = 1; r < records->size(); ++r) {
                const db::CsvRecord &rec = records->at(r);
                const auto field = [&](int col) {
                    return col >= 0 && col < rec.fields.size() ? rec.fields[col] : QString();
                };
                Line line;
                line.line = rec.line;
                db::NewMailbox &box = line.mailbox;
                QString address = field(colAddress).trimmed();
                if (!address.isEmpty() && !address.contains(QLatin1Char('@')))
                    address += QLatin1Char('@') + m_domain;
                box.address = address;
                box.password = field(colPassword);
                box.name = field(colName).trimmed();
                box.language = field(colLanguage).trimmed();
                auto parsed = db::EmailAddress::parse(address);
                const QString quota = field(colQuota).trimmed();
                if (!parsed) {
                    line.error = tr("Address: %1").arg(parsed.error().message);
                } else if (parsed->domain().toStorage() != m_domain) {
                    line.error = tr("Address: %1 is not in the domain %2.")
                                     .arg(parsed->toDisplay(), db::DomainName::displayOf(m_domain));
                } else if (seen.contains(parsed->toStorage())) {
                    line.error =
                        tr("Address: %1 appears twice in the file.").arg(parsed->toDisplay());
                } else if (box.password.isEmpty()) {
                    line.error = tr("Password: the password is empty.");
                } else if (const QString p = checkFreeText(box.name, 255); !p.isEmpty()) {
                    line.error = tr("Name: %1").arg(p);
                } else if (const QString p = checkFreeText(box.password, 256); !p.isEmpty()) {
                    line.error = tr("Password: %1").arg(p);
                } else if (!quota.isEmpty()) {
                    bool ok = false;
                    const qint64 mb = quota.toLongLong(&ok);
                    if (!ok || mb < 0)
                        line.error = tr("Quota: \"%1\" is not a number of megabytes (0 = "
                                        "unlimited).")
                                         .arg(quota.left(32));
                    else
                        box.quotaMb = mb;
                }
                if (parsed) {
                    box.address = parsed->toStorage();
                    seen.insert(parsed->toStorage());
                }
                m_lines.append(line);
            }
            if (m_lines.isEmpty())
                m_fileError = tr("The file has a header line but no mailboxes.");
        }
    }
    showLines();
    if (m_fileError.isEmpty() && errorCount() == 0 && m_db)
        checkAgainstServer();
}

int MailboxImportDialog::errorCount() const {
    int n = 0;
    for (const Line &l : m_lines)
        n += l.error.isEmpty() ? 0 : 1;
    return n;
}

void MailboxImportDialog::showLines() {
    m_table->setRowCount(int(m_lines.size()));
    const QBrush bad(toneText(Tone::Error, m_table->palette(), QPalette::Base));
    for (int r = 0; r < m_lines.size(); ++r) {
        const Line &l = m_lines[r];
        auto set = [&](int column, const QString &text) {
            auto *item = new QTableWidgetItem(text);
            if (!l.error.isEmpty())
                item->setForeground(bad);
            m_table->setItem(r, column, item);
        };
        set(LineColumn, QString::number(l.line));
        set(AddressColumn, db::EmailAddress::displayOf(l.mailbox.address));
        set(NameColumn, l.mailbox.name);
        set(QuotaColumn, l.mailbox.quotaMb ? QString::number(*l.mailbox.quotaMb) : tr("default"));
        set(StatusColumn, l.error.isEmpty() ? tr("OK") : l.error);
        m_table->item(r, StatusColumn)->setToolTip(l.error);
    }
    m_table->resizeColumnsToContents();
    const int errors = errorCount();
    if (!m_fileError.isEmpty())
        m_summary->setText(m_fileError);
    else if (errors > 0)
        m_summary->setText(
            tr("%n line(s) with errors; fix the file and load it again.", nullptr, errors));
    else if (!m_lines.isEmpty())
        m_summary->setText(tr("%n mailbox(es) ready to import.", nullptr, int(m_lines.size())));
    else
        m_summary->clear();
    updateButtons();
}

void MailboxImportDialog::checkAgainstServer() {
    QStringList addresses;
    for (const Line &l : std::as_const(m_lines))
        addresses << l.mailbox.address;
    m_checking = true;
    m_summary->setText(tr("Checking which addresses are already in use…"));
    updateButtons();
    m_db->run([addresses](QSqlDatabase &sql) -> Result<QList<bool>> {
            QList<bool> used;
            for (const QString &a : addresses) {
                auto r = db::AliasRepository::addressInUse(sql, a);
                if (!r)
                    return r.error();
                used << r.value();
            }
            return used;
        })
        .then(this, [this, addresses](Result<QList<bool>> used) {
            m_checking = false;
            if (!used) {
                m_banner->showError(used.error());
            } else {
                for (int i = 0; i < m_lines.size() && i < used->size(); ++i)
                    if (used->at(i) && m_lines[i].mailbox.address == addresses.value(i))
                        m_lines[i].error =
                            tr("Address: %1 is already in use (mailbox, alias or list).")
                                .arg(db::EmailAddress::displayOf(addresses.value(i)));
            }
            showLines();
        });
}

void MailboxImportDialog::updateButtons() {
    const bool ready = m_fileError.isEmpty() && !m_lines.isEmpty() && errorCount() == 0;
    m_import->setEnabled(ready && !m_checking && !m_importing && m_created == 0);
    m_import->setText(ready ? tr("&Import %n Mailbox(es)", nullptr, int(m_lines.size()))
                            : tr("&Import"));
    m_choose->setEnabled(!m_importing);
    m_schemeBox->setEnabled(!m_importing);
    m_cancelButton->setText(m_importing ? tr("Cancel") : tr("Close"));
}

void MailboxImportDialog::startImport() {
    if (!m_db || m_importing)
        return;
    QList<QPair<int, db::NewMailbox>> boxes;
    for (const Line &l : std::as_const(m_lines)) {
        db::NewMailbox box = l.mailbox;
        box.scheme = m_scheme;
        boxes.append({l.line, box});
    }
    m_importing = true;
    m_banner->hide();
    m_progressCount = std::make_shared<std::atomic<int>>(0);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_serverErrors = std::make_shared<QList<db::LineError>>();
    m_progress->setRange(0, int(boxes.size()));
    m_progress->setValue(0);
    m_progress->show();
    m_progressTimer->start();
    m_summary->setText(tr("Importing…"));
    updateButtons();
    m_db->runInTransaction([boxes, progress = m_progressCount, cancel = m_cancel,
                            errors = m_serverErrors](QSqlDatabase &sql) -> Status {
            for (const auto &[line, box] : boxes) {
                if (cancel->load())
                    return Error{QStringLiteral("import.cancelled"),
                                 MailboxImportDialog::tr("The import was cancelled; no mailbox was "
                                                         "created."),
                                 {}};
                if (Status s = db::MailboxRepository::create(sql, box); !s) {
                    errors->append({line, QString(), s.error().message});
                    if (DbWorker::isConnectionError(s.error()))
                        return s;
                }
                progress->fetch_add(1);
            }
            if (!errors->isEmpty())
                return Error{QStringLiteral("import.lines"),
                             MailboxImportDialog::tr("%n line(s) could not be created; nothing was "
                                                     "imported.",
                                                     nullptr, int(errors->size())),
                             {}};
            return {};
        })
        .then(this,
              [this, count = int(boxes.size())](Status status) {
                  if (status)
                      m_created = count;
                  finishImport(status);
              })
        .onCanceled(this, [this] {
            finishImport(Error{QStringLiteral("db.connection"),
                               tr("The database connection was closed during the import; reload "
                                  "to see what was created."),
                               {}});
        });
}

void MailboxImportDialog::finishImport(const Status &status) {
    m_importing = false;
    m_progressTimer->stop();
    m_progress->hide();
    m_cancelButton->setEnabled(true);
    if (!status) {
        if (m_serverErrors) {
            for (const db::LineError &e : std::as_const(*m_serverErrors))
                for (Line &l : m_lines)
                    if (l.line == e.line)
                        l.error = e.message;
        }
        showLines();
        m_banner->showError(status.error());
        return;
    }
    m_summary->setText(tr("%n mailbox(es) created.", nullptr, m_created));
    updateButtons();
    Q_EMIT imported(m_created);
}

} // namespace maildeck::ui
