#include "ui/lists/ListEditorDialog.h"

#include "core/db/EmailAddress.h"
#include "ui/common/MessageBanner.h"
#include "ui/domains/AddressListEditor.h"
#include "ui/domains/DomainEditorDialog.h"
#include "ui/domains/FieldErrorLabel.h"
#include "ui/lists/MailingListModel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

namespace maildeck::ui {

using lists::ListSettings;

namespace {

QStringList nonEmptyLines(const QPlainTextEdit *edit) {
    QStringList out;
    const QStringList lines = edit->toPlainText().split(QLatin1Char('\n'));
    for (const QString &line : lines)
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    return out;
}

QWidget *tabPage(QTabWidget *tabs, const QString &title, const QString &name) {
    auto *page = new QWidget(tabs);
    page->setObjectName(name);
    tabs->addTab(page, title);
    return page;
}

} // namespace

ListEditorDialog::ListEditorDialog(lists::MailingLists *lists, DbWorker *db, const QString &domain,
                                   int smtpPort, QWidget *parent)
    : EditorDialog(db, parent)
    , m_lists(lists)
    , m_domain(domain) {
    setObjectName(QStringLiteral("NewListDialog"));
    setWindowTitle(tr("New Mailing List in %1").arg(db::DomainName::displayOf(domain)));
    m_base = ListSettings::defaultsFor(QStringLiteral("list@") + domain, smtpPort);
    build();
    load(m_base);
    m_loadingHeaders = true;
    m_customHeaders->clear(); // filled in from the address as it is typed
    m_loadingHeaders = false;
    updateEnabled();
    updateOkButton();
}

ListEditorDialog::ListEditorDialog(lists::MailingLists *lists, DbWorker *db,
                                   const lists::ListState &state, QWidget *parent)
    : EditorDialog(db, parent)
    , m_lists(lists)
    , m_domain(state.address.section(QLatin1Char('@'), 1))
    , m_state(state)
    , m_base(state.settings) {
    setObjectName(QStringLiteral("EditListDialog"));
    setWindowTitle(tr("Edit Mailing List %1").arg(db::EmailAddress::displayOf(state.address)));
    build();
    m_localPart->setText(state.address.section(QLatin1Char('@'), 0, 0));
    m_localPart->setReadOnly(true);
    m_headersEdited = true; // the list's own headers: never regenerated
    load(m_base);
    if (state.row)
        m_description->setText(state.row->description);
    updateEnabled();
    updateOkButton();
}

void ListEditorDialog::build() {
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("ListTabs"));
    contentLayout()->addWidget(m_tabs, 1);

    // --- General ---------------------------------------------------------------------------
    QWidget *general = tabPage(m_tabs, tr("&General"), QStringLiteral("GeneralTab"));
    m_localPart = new QLineEdit(general);
    m_localPart->setObjectName(QStringLiteral("LocalPart"));
    m_localPart->setPlaceholderText(tr("news"));
    m_localPart->setMaxLength(64);
    auto *addressRow = new QHBoxLayout;
    addressRow->addWidget(m_localPart, 1);
    addressRow->addWidget(
        new QLabel(QLatin1Char('@') + db::DomainName::displayOf(m_domain), general));
    m_localPartError = new FieldErrorLabel(m_localPart, general);
    m_name = new QLineEdit(general);
    m_name->setObjectName(QStringLiteral("ListName"));
    m_nameError = new FieldErrorLabel(m_name, general);
    m_description = new QLineEdit(general);
    m_description->setObjectName(QStringLiteral("ListDescription"));
    m_description->setToolTip(tr("Stored in the database (maillists.description), as "
                                 "iRedAdmin-Pro does; shown on its newsletter page."));
    m_descriptionError = new FieldErrorLabel(m_description, general);
    auto *form = new QFormLayout;
    auto *addressLabel = new QLabel(tr("&Address:"), general);
    addressLabel->setBuddy(m_localPart);
    form->addRow(addressLabel, addressRow);
    form->addRow(QString(), m_localPartError);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    form->addRow(tr("&Description:"), m_description);
    form->addRow(QString(), m_descriptionError);

    auto *ownersBox = new QGroupBox(tr("Owners (receive the list's administrative mail)"), general);
    m_owners = new AddressListEditor(QStringLiteral("Owners"), ownersBox);
    (new QVBoxLayout(ownersBox))->addWidget(m_owners);
    auto *moderatorsBox = new QGroupBox(tr("Moderators (approve posts when moderated)"), general);
    m_moderators = new AddressListEditor(QStringLiteral("Moderators"), moderatorsBox);
    (new QVBoxLayout(moderatorsBox))->addWidget(m_moderators);
    auto *people = new QHBoxLayout;
    people->addWidget(ownersBox);
    people->addWidget(moderatorsBox);
    auto *gl = new QVBoxLayout(general);
    gl->addLayout(form);
    gl->addLayout(people, 1);

    // --- Posting ---------------------------------------------------------------------------
    QWidget *posting = tabPage(m_tabs, tr("&Posting"), QStringLiteral("PostingTab"));
    m_posting = new QComboBox(posting);
    m_posting->setObjectName(QStringLiteral("Posting"));
    for (auto p : {ListSettings::Posting::Anyone, ListSettings::Posting::SubscribersOnly,
                   ListSettings::Posting::ModeratorsOnly})
        m_posting->addItem(MailingListModel::postingLabel(p), int(p));
    m_moderated = new QCheckBox(tr("&Moderated: every post waits for a moderator"), posting);
    m_moderated->setObjectName(QStringLiteral("Moderated"));
    m_modNonSub = new QCheckBox(tr("Posts from non-subscribers wait for a moderator"), posting);
    m_modNonSub->setObjectName(QStringLiteral("ModerateNonSubscribers"));
    m_modOnlyModerate = new QCheckBox(tr("Ask only the moderators, not the owners"), posting);
    m_notifyMod = new QCheckBox(tr("Tell the sender when a post waits for moderation"), posting);
    m_maxSize = new QSpinBox(posting);
    m_maxSize->setObjectName(QStringLiteral("MaxMessageSize"));
    m_maxSize->setRange(0, 2000000);
    m_maxSize->setSuffix(tr(" KiB"));
    m_maxSize->setSpecialValueText(tr("No limit"));
    m_maxSize->setSingleStep(1024);
    m_maxSizeError = new FieldErrorLabel(m_maxSize, posting);
    m_prefix = new QLineEdit(posting);
    m_prefix->setObjectName(QStringLiteral("SubjectPrefix"));
    m_prefix->setPlaceholderText(tr("[news]"));
    m_prefixError = new FieldErrorLabel(m_prefix, posting);
    m_notMeToo = new QCheckBox(tr("Do not send posters a copy of their own post"), posting);
    m_tocc = new QCheckBox(tr("Accept posts with the list in Cc (not only in To)"), posting);
    m_replyTo = new QCheckBox(tr("Replies go to the list (Reply-To)"), posting);
    auto *pf = new QFormLayout;
    pf->addRow(tr("Who may &post:"), m_posting);
    pf->addRow(QString(), m_moderated);
    pf->addRow(QString(), m_modNonSub);
    pf->addRow(QString(), m_modOnlyModerate);
    pf->addRow(QString(), m_notifyMod);
    pf->addRow(tr("Maximum message &size:"), m_maxSize);
    pf->addRow(QString(), m_maxSizeError);
    pf->addRow(tr("Subject p&refix:"), m_prefix);
    pf->addRow(QString(), m_prefixError);
    pf->addRow(QString(), m_notMeToo);
    pf->addRow(QString(), m_tocc);
    pf->addRow(QString(), m_replyTo);
    auto *denyBox = new QGroupBox(tr("Tell senders why a post was refused"), posting);
    m_tellToCc = new QCheckBox(tr("The list was not in To or Cc"), denyBox);
    m_tellAccess = new QCheckBox(tr("An access rule refused it"), denyBox);
    m_tellSubOnly = new QCheckBox(tr("Only subscribers may post"), denyBox);
    m_tellModOnly = new QCheckBox(tr("Only moderators may post"), denyBox);
    m_tellSize = new QCheckBox(tr("The message was too large"), denyBox);
    auto *dl = new QGridLayout(denyBox);
    dl->addWidget(m_tellToCc, 0, 0);
    dl->addWidget(m_tellAccess, 0, 1);
    dl->addWidget(m_tellSubOnly, 1, 0);
    dl->addWidget(m_tellModOnly, 1, 1);
    dl->addWidget(m_tellSize, 2, 0);
    auto *pl = new QVBoxLayout(posting);
    pl->addLayout(pf);
    pl->addWidget(denyBox);
    pl->addStretch(1);

    // --- Subscription ----------------------------------------------------------------------
    QWidget *sub = tabPage(m_tabs, tr("&Subscription"), QStringLiteral("SubscriptionTab"));
    m_closedList = new QCheckBox(tr("&Closed: no (un)subscribing by mail"), sub);
    m_closedList->setObjectName(QStringLiteral("ClosedList"));
    m_closedListSub = new QCheckBox(tr("No subscribing by mail (leaving works)"), sub);
    m_subConfirm = new QCheckBox(tr("New subscribers confirm by mail"), sub);
    m_subConfirm->setObjectName(QStringLiteral("SubConfirm"));
    m_subModerate = new QCheckBox(tr("Subscriptions wait for approval"), sub);
    m_subModerate->setObjectName(QStringLiteral("ModerateSubscription"));
    auto *subModBox = new QGroupBox(tr("Who approves subscriptions (empty: the owners)"), sub);
    m_subModerators = new AddressListEditor(QStringLiteral("SubscriptionModerators"), subModBox);
    (new QVBoxLayout(subModBox))->addWidget(m_subModerators);
    m_subModMails = new QCheckBox(tr("Mail them about each request"), sub);
    m_digestSub = new QCheckBox(tr("Digest subscriptions allowed"), sub);
    m_digestText = new QCheckBox(tr("Digests include the posts' text"), sub);
    m_nomailSub = new QCheckBox(tr("No-mail subscriptions allowed"), sub);
    m_notifySub = new QCheckBox(tr("Tell the owners of each (un)subscription"), sub);
    m_newsletter = new QCheckBox(tr("Newsletter: subscribing through the web form"), sub);
    m_listSubsEmail = new QCheckBox(tr("Owners may get the subscriber list by mail"), sub);
    auto *sl = new QGridLayout(sub);
    sl->addWidget(m_closedList, 0, 0);
    sl->addWidget(m_closedListSub, 1, 0);
    sl->addWidget(m_subConfirm, 2, 0);
    sl->addWidget(m_digestSub, 3, 0);
    sl->addWidget(m_digestText, 4, 0);
    sl->addWidget(m_nomailSub, 5, 0);
    sl->addWidget(m_notifySub, 6, 0);
    sl->addWidget(m_newsletter, 7, 0);
    sl->addWidget(m_listSubsEmail, 8, 0);
    sl->addWidget(m_subModerate, 0, 1);
    sl->addWidget(subModBox, 1, 1, 7, 1);
    sl->addWidget(m_subModMails, 8, 1);
    sl->setRowStretch(9, 1);
    sl->setColumnStretch(1, 1);

    // --- Archive & footer ------------------------------------------------------------------
    QWidget *archive = tabPage(m_tabs, tr("Archive && &footer"), QStringLiteral("ArchiveTab"));
    m_archive = new QCheckBox(tr("&Keep an archive of the posts"), archive);
    m_archive->setObjectName(QStringLiteral("KeepArchive"));
    m_get = new QCheckBox(tr("Archived posts can be fetched by mail"), archive);
    m_subOnlyGet = new QCheckBox(tr("… by subscribers only"), archive);
    m_footerText = new QPlainTextEdit(archive);
    m_footerText->setObjectName(QStringLiteral("FooterText"));
    m_footerText->setTabChangesFocus(true);
    m_footerHtml = new QPlainTextEdit(archive);
    m_footerHtml->setObjectName(QStringLiteral("FooterHtml"));
    m_footerHtml->setTabChangesFocus(true);
    auto *al = new QFormLayout(archive);
    al->addRow(m_archive);
    al->addRow(m_get);
    al->addRow(m_subOnlyGet);
    al->addRow(tr("Footer (plain text):"), m_footerText);
    al->addRow(tr("Footer (HTML):"), m_footerHtml);

    // --- Headers & delivery ----------------------------------------------------------------
    QWidget *delivery = tabPage(m_tabs, tr("&Headers && delivery"), QStringLiteral("DeliveryTab"));
    m_customHeaders = new QPlainTextEdit(delivery);
    m_customHeaders->setObjectName(QStringLiteral("CustomHeaders"));
    m_customHeaders->setTabChangesFocus(true);
    m_customHeaders->setPlaceholderText(tr("Header: value (one per line)"));
    m_removeHeaders = new QPlainTextEdit(delivery);
    m_removeHeaders->setObjectName(QStringLiteral("RemoveHeaders"));
    m_removeHeaders->setTabChangesFocus(true);
    m_removeHeaders->setPlaceholderText(tr("X-Spam-Status: (one per line)"));
    m_headersError = new FieldErrorLabel(m_customHeaders, delivery);
    m_relayHost = new QLineEdit(delivery);
    m_relayHost->setPlaceholderText(tr("127.0.0.1"));
    m_smtpHelo = new QLineEdit(delivery);
    m_deliveryError = new FieldErrorLabel(m_relayHost, delivery);
    m_smtpPort = new QSpinBox(delivery);
    m_smtpPort->setObjectName(QStringLiteral("SmtpPort"));
    m_smtpPort->setRange(0, 65535);
    m_smtpPort->setSpecialValueText(tr("Default (25)"));
    m_portError = new FieldErrorLabel(m_smtpPort, delivery);
    if (m_lists && m_lists->isDelegated()) {
        // The server's list agent refuses them: where mail leaves the server is its admin's call.
        for (QWidget *w : std::initializer_list<QWidget *>{m_relayHost, m_smtpHelo, m_smtpPort}) {
            w->setEnabled(false);
            w->setToolTip(tr("A server setting: only the server's administrator changes it."));
        }
    }
    auto *hl = new QFormLayout(delivery);
    hl->addRow(tr("Headers &added:"), m_customHeaders);
    hl->addRow(tr("Headers &removed:"), m_removeHeaders);
    hl->addRow(QString(), m_headersError);
    hl->addRow(tr("Relay &host:"), m_relayHost);
    hl->addRow(tr("SMTP HE&LO name:"), m_smtpHelo);
    hl->addRow(QString(), m_deliveryError);
    hl->addRow(tr("SMTP p&ort:"), m_smtpPort);
    hl->addRow(QString(), m_portError);

    connect(m_localPart, &QLineEdit::textChanged, this, [this] {
        m_localPartError->clearError();
        if (isNew() && !m_headersEdited) {
            const QString address = typedAddress();
            m_loadingHeaders = true;
            m_customHeaders->setPlainText(
                address.isEmpty()
                    ? QString()
                    : ListSettings::defaultsFor(address).customHeaders.join(QLatin1Char('\n')));
            m_loadingHeaders = false;
        }
        updateOkButton();
    });
    connect(m_customHeaders, &QPlainTextEdit::textChanged, this, [this] {
        m_headersError->clearError();
        if (!m_loadingHeaders)
            m_headersEdited = true;
    });
    connect(m_removeHeaders, &QPlainTextEdit::textChanged, m_headersError,
            &FieldErrorLabel::clearError);
    connect(m_name, &QLineEdit::textChanged, m_nameError, &FieldErrorLabel::clearError);
    connect(m_description, &QLineEdit::textChanged, m_descriptionError,
            &FieldErrorLabel::clearError);
    connect(m_prefix, &QLineEdit::textChanged, m_prefixError, &FieldErrorLabel::clearError);
    connect(m_maxSize, &QSpinBox::valueChanged, m_maxSizeError, &FieldErrorLabel::clearError);
    connect(m_smtpPort, &QSpinBox::valueChanged, m_portError, &FieldErrorLabel::clearError);
    connect(m_relayHost, &QLineEdit::textChanged, m_deliveryError, &FieldErrorLabel::clearError);
    connect(m_smtpHelo, &QLineEdit::textChanged, m_deliveryError, &FieldErrorLabel::clearError);
    for (QCheckBox *box : {m_closedList, m_subModerate, m_get, m_moderated})
        connect(box, &QCheckBox::toggled, this, &ListEditorDialog::updateEnabled);
    connect(m_posting, &QComboBox::currentIndexChanged, this, &ListEditorDialog::updateEnabled);
    setMinimumSize(700, 540);
}

void ListEditorDialog::load(const ListSettings &s) {
    m_name->setText(s.name);
    m_owners->setAddresses(s.owners);
    m_moderators->setAddresses(s.moderators);
    m_posting->setCurrentIndex(m_posting->findData(int(s.posting)));
    m_moderated->setChecked(s.moderated);
    m_modNonSub->setChecked(s.moderateNonSubscriberPosts);
    m_modOnlyModerate->setChecked(s.ifModSendOnlyModModerate);
    m_notifyMod->setChecked(s.notifySenderWhenModerated);
    m_maxSize->setValue(int(qMin<qint64>((s.maxMailSize + 1023) / 1024, m_maxSize->maximum())));
    m_prefix->setText(s.subjectPrefix);
    m_notMeToo->setChecked(s.notMeToo);
    m_tocc->setChecked(s.tocc);
    m_replyTo->setChecked(s.replyTo);
    m_tellToCc->setChecked(!s.noToCcDenyMails);
    m_tellAccess->setChecked(!s.noAccessDenyMails);
    m_tellSubOnly->setChecked(!s.noSubOnlyDenyMails);
    m_tellModOnly->setChecked(!s.noModOnlyDenyMails);
    m_tellSize->setChecked(!s.noMaxMailSizeDenyMails);
    m_closedList->setChecked(s.closedList);
    m_closedListSub->setChecked(s.closedListSub);
    m_subConfirm->setChecked(!s.noSubConfirm);
    m_subModerate->setChecked(s.moderateSubscription);
    m_subModerators->setAddresses(s.subscriptionModerators);
    m_subModMails->setChecked(!s.noSubModMails);
    m_digestSub->setChecked(!s.noDigestSub);
    m_digestText->setChecked(!s.noDigestText);
    m_nomailSub->setChecked(!s.noNomailSub);
    m_notifySub->setChecked(s.notifySub);
    m_newsletter->setChecked(s.newsletterSubscription);
    m_listSubsEmail->setChecked(!s.noListSubsEmail);
    m_archive->setChecked(!s.noArchive);
    m_get->setChecked(!s.noGet);
    m_subOnlyGet->setChecked(s.subOnlyGet);
    m_footerText->setPlainText(s.footerText);
    m_footerHtml->setPlainText(s.footerHtml);
    m_loadingHeaders = true;
    m_customHeaders->setPlainText(s.customHeaders.join(QLatin1Char('\n')));
    m_loadingHeaders = false;
    m_removeHeaders->setPlainText(s.removeHeaders.join(QLatin1Char('\n')));
    m_relayHost->setText(s.relayHost);
    m_smtpHelo->setText(s.smtpHelo);
    m_smtpPort->setValue(s.smtpPort);
}

void ListEditorDialog::updateEnabled() {
    m_closedListSub->setEnabled(!m_closedList->isChecked());
    m_subModerators->setEnabled(m_subModerate->isChecked());
    m_subModMails->setEnabled(m_subModerate->isChecked());
    m_subOnlyGet->setEnabled(m_get->isChecked());
    m_modNonSub->setEnabled(!m_moderated->isChecked());
}

QString ListEditorDialog::description() const {
    return m_description->text().trimmed();
}

QString ListEditorDialog::typedAddress() const {
    const QString local = m_localPart->text().trimmed();
    if (local.isEmpty() || local.contains(QLatin1Char('@')))
        return {};
    auto address = db::EmailAddress::parse(local + QLatin1Char('@') + m_domain);
    return address ? address->toStorage() : QString();
}

bool ListEditorDialog::isComplete() const {
    return !m_localPart->text().trimmed().isEmpty();
}

void ListEditorDialog::showAt(QWidget *field, FieldErrorLabel *label, const QString &message) {
    if (label)
        label->setError(message);
    for (int i = 0; i < m_tabs->count(); ++i) {
        if (m_tabs->widget(i)->isAncestorOf(field)) {
            m_tabs->setCurrentIndex(i);
            break;
        }
    }
    field->setFocus();
}

bool ListEditorDialog::validate() {
    bool ok = true;
    ListSettings s = m_base;
    if (m_state) {
        s.listAddress = m_state->address;
    } else {
        const QString local = m_localPart->text().trimmed();
        if (local.contains(QLatin1Char('@'))) {
            showAt(m_localPart, m_localPartError,
                   tr("Type only the part before the @; the domain is %1.")
                       .arg(db::DomainName::displayOf(m_domain)));
            ok = false;
        } else if (auto address = db::EmailAddress::parse(local + QLatin1Char('@') + m_domain);
                   !address) {
            showAt(m_localPart, m_localPartError, address.error().message);
            ok = false;
        } else {
            s.listAddress = address->toStorage();
        }
    }
    if (const QString problem = checkFreeText(m_name->text(), 255); !problem.isEmpty()) {
        showAt(m_name, m_nameError, problem);
        ok = false;
    }
    // maillists.description is TEXT; a line edit keeps it to one line.
    if (const QString problem = checkFreeText(m_description->text(), 1000); !problem.isEmpty()) {
        showAt(m_description, m_descriptionError, problem);
        ok = false;
    }
    for (AddressListEditor *editor : {m_owners, m_moderators, m_subModerators})
        if (editor->hasPendingInput() && !editor->addFromInput())
            ok = false;
    if (!ok)
        return false;

    s.name = m_name->text().trimmed();
    s.owners = m_owners->addresses();
    s.moderators = m_moderators->addresses();
    s.posting = ListSettings::Posting(m_posting->currentData().toInt());
    s.moderated = m_moderated->isChecked();
    s.moderateNonSubscriberPosts = m_modNonSub->isChecked();
    s.ifModSendOnlyModModerate = m_modOnlyModerate->isChecked();
    s.notifySenderWhenModerated = m_notifyMod->isChecked();
    // The size in KiB; an unchanged field keeps an exact byte value that is not a whole KiB.
    if (m_maxSize->value() !=
        int(qMin<qint64>((m_base.maxMailSize + 1023) / 1024, m_maxSize->maximum())))
        s.maxMailSize = qint64(m_maxSize->value()) * 1024;
    s.subjectPrefix = m_prefix->text();
    s.notMeToo = m_notMeToo->isChecked();
    s.tocc = m_tocc->isChecked();
    s.replyTo = m_replyTo->isChecked();
    s.noToCcDenyMails = !m_tellToCc->isChecked();
    s.noAccessDenyMails = !m_tellAccess->isChecked();
    s.noSubOnlyDenyMails = !m_tellSubOnly->isChecked();
    s.noModOnlyDenyMails = !m_tellModOnly->isChecked();
    s.noMaxMailSizeDenyMails = !m_tellSize->isChecked();
    s.closedList = m_closedList->isChecked();
    s.closedListSub = m_closedListSub->isChecked();
    s.noSubConfirm = !m_subConfirm->isChecked();
    s.moderateSubscription = m_subModerate->isChecked();
    s.subscriptionModerators =
        m_subModerate->isChecked() ? m_subModerators->addresses() : QStringList();
    s.noSubModMails = !m_subModMails->isChecked();
    s.noDigestSub = !m_digestSub->isChecked();
    s.noDigestText = !m_digestText->isChecked();
    s.noNomailSub = !m_nomailSub->isChecked();
    s.notifySub = m_notifySub->isChecked();
    s.newsletterSubscription = m_newsletter->isChecked();
    s.noListSubsEmail = !m_listSubsEmail->isChecked();
    s.noArchive = !m_archive->isChecked();
    s.noGet = !m_get->isChecked();
    s.subOnlyGet = m_subOnlyGet->isChecked();
    s.footerText = m_footerText->toPlainText();
    s.footerHtml = m_footerHtml->toPlainText();
    s.customHeaders = nonEmptyLines(m_customHeaders);
    s.removeHeaders = nonEmptyLines(m_removeHeaders);
    s.relayHost = m_relayHost->text().trimmed();
    s.smtpHelo = m_smtpHelo->text().trimmed();
    s.smtpPort = m_smtpPort->value();

    auto normalised = ListSettings::normalised(s);
    if (!normalised) {
        if (!showFieldError(normalised.error()))
            banner()->showError(normalised.error());
        return false;
    }
    m_settings = normalised.value();
    return true;
}

QFuture<Status> ListEditorDialog::startWrite() {
    if (!m_lists)
        return QtFuture::makeReadyFuture(Status(Error{
            QStringLiteral("list.nossh"),
            tr("Mailing lists need the SSH connection to the server. Connect again and reopen "
               "this dialog."),
            {}}));
    if (m_state)
        return m_lists->update(*m_state, m_settings, description());
    return m_lists->create(m_settings, description());
}

bool ListEditorDialog::showFieldError(const Error &error) {
    const QString &code = error.code;
    if (code == QLatin1String("list.address") || code == QLatin1String("list.exists") ||
        (isNew() && code == QLatin1String("db.duplicate"))) {
        showAt(m_localPart, m_localPartError, error.message);
        return true;
    }
    if (code == QLatin1String("list.owner") || code == QLatin1String("list.owner.empty")) {
        m_owners->setError(error.message);
        showAt(m_owners->input(), nullptr, {});
        return true;
    }
    if (code == QLatin1String("list.moderator") || code == QLatin1String("list.moderator.empty")) {
        m_moderators->setError(error.message);
        showAt(m_moderators->input(), nullptr, {});
        return true;
    }
    if (code == QLatin1String("list.submod")) {
        m_subModerators->setError(error.message);
        showAt(m_subModerators->input(), nullptr, {});
        return true;
    }
    if (code == QLatin1String("list.size")) {
        showAt(m_maxSize, m_maxSizeError, error.message);
        return true;
    }
    if (code == QLatin1String("list.port")) {
        showAt(m_smtpPort, m_portError, error.message);
        return true;
    }
    if (code == QLatin1String("list.header")) {
        showAt(m_customHeaders, m_headersError, error.message);
        return true;
    }
    return false;
}

} // namespace maildeck::ui
