-- maildeck-delegation migration 1: tables, the definer's privileges, read-only views.
--
-- Runs as a privileged account (root or one with GRANT OPTION) after the installer has
-- created the schema `maildeck_delegation`, its table `schema_version` and the locked account
-- `maildeck_definer`@`localhost`. Statements are separated by lines holding only "$$".
-- Nothing here writes to `vmail`; uninstalling drops this schema and leaves `vmail` as it was.
--
-- Who is calling: inside a SQL SECURITY DEFINER object CURRENT_USER() is the definer, while
-- USER() is the client's `user@host` as it connected. The user part of USER() (before the
-- last '@', int_caller_user()) is matched against account_map.db_user (names `md_…`, created
-- by MailDeck for one domain admin each, at the hosts localhost, 127.0.0.1 and ::1), and
-- through it against vmail.domain_admins; nothing is cached, so every statement sees the
-- current mapping and domain_admins rows.
-- The installer refuses a server with anonymous accounts (''@host), since with those the user
-- part of USER() would be whatever the client typed.

CREATE TABLE maildeck_delegation.account_map (
    db_user VARCHAR(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    admin_username VARCHAR(255) CHARACTER SET ascii NOT NULL,
    active TINYINT(1) NOT NULL DEFAULT 1,
    created DATETIME NOT NULL,
    modified DATETIME NOT NULL,
    PRIMARY KEY (db_user),
    UNIQUE KEY admin_username (admin_username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
$$
CREATE TABLE maildeck_delegation.audit_log (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    at DATETIME(6) NOT NULL,
    db_user VARCHAR(128) NOT NULL DEFAULT '',
    client VARCHAR(255) NOT NULL DEFAULT '',
    admin_username VARCHAR(255) NOT NULL DEFAULT '',
    domain VARCHAR(255) NOT NULL DEFAULT '',
    action VARCHAR(64) NOT NULL,
    object VARCHAR(255) NOT NULL DEFAULT '',
    before_json LONGTEXT NULL,
    after_json LONGTEXT NULL,
    PRIMARY KEY (id),
    KEY at (at),
    KEY admin_at (admin_username, at),
    KEY domain_at (domain, at),
    CONSTRAINT before_is_json CHECK (before_json IS NULL OR JSON_VALID(before_json)),
    CONSTRAINT after_is_json CHECK (after_json IS NULL OR JSON_VALID(after_json))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
$$
GRANT SELECT ON vmail.domain TO `maildeck_definer`@`localhost`
$$
GRANT SELECT ON vmail.domain_admins TO `maildeck_definer`@`localhost`
$$
GRANT SELECT ON vmail.admin TO `maildeck_definer`@`localhost`
$$
GRANT SELECT ON vmail.alias_domain TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, INSERT, UPDATE, DELETE ON vmail.mailbox TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, INSERT, UPDATE, DELETE ON vmail.forwardings TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, INSERT, UPDATE, DELETE ON vmail.alias TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, INSERT, UPDATE, DELETE ON vmail.maillists TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, INSERT, UPDATE, DELETE ON vmail.moderators TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, INSERT, UPDATE, DELETE ON vmail.maillist_owners TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, INSERT ON vmail.deleted_mailboxes TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, DELETE ON vmail.used_quota TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, DELETE ON vmail.recipient_bcc_user TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, DELETE ON vmail.sender_bcc_user TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, INSERT ON maildeck_delegation.audit_log TO `maildeck_definer`@`localhost`
$$
GRANT SELECT, EXECUTE ON maildeck_delegation.* TO `maildeck_definer`@`localhost`
$$
-- The user part of USER(): everything before the last '@' (a host never contains '@', a
-- quoted user name may).
CREATE DEFINER=`maildeck_definer`@`localhost` FUNCTION maildeck_delegation.int_caller_user()
RETURNS VARCHAR(128) CHARACTER SET utf8mb4
NOT DETERMINISTIC NO SQL SQL SECURITY DEFINER
RETURN LEFT(USER(), CHAR_LENGTH(USER()) - CHAR_LENGTH(SUBSTRING_INDEX(USER(), '@', -1)) - 1)
$$
-- The iRedMail admin behind the calling account: NULL when the account is not mapped, the
-- mapping is disabled, or the admin is not an active admin (an `admin` row, or a mailbox
-- with isadmin=1).
CREATE DEFINER=`maildeck_definer`@`localhost` FUNCTION maildeck_delegation.int_caller_admin()
RETURNS VARCHAR(255) CHARACTER SET ascii
NOT DETERMINISTIC READS SQL DATA SQL SECURITY DEFINER
RETURN (SELECT am.admin_username FROM maildeck_delegation.account_map am
         WHERE am.db_user = CONVERT(maildeck_delegation.int_caller_user() USING ascii) COLLATE ascii_bin
           AND am.active = 1
           AND (EXISTS (SELECT 1 FROM vmail.admin a
                         WHERE a.username = am.admin_username AND a.active = 1)
                OR EXISTS (SELECT 1 FROM vmail.mailbox m
                            WHERE m.username = am.admin_username AND m.active = 1
                              AND m.isadmin = 1))
         LIMIT 1)
$$
-- The domains the caller holds (internal: not granted to delegated accounts).
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.int_caller_domains AS
SELECT da.domain AS domain FROM vmail.domain_admins da
 WHERE da.username = maildeck_delegation.int_caller_admin()
   AND da.active = 1 AND da.domain <> 'ALL'
$$
-- Public views (v_*): each delegated account gets SELECT on these and nothing else to read.
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_me AS
SELECT maildeck_delegation.int_caller_admin() AS admin_username,
       maildeck_delegation.int_caller_user() AS db_user
$$
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_domains AS
SELECT d.domain, d.description, d.aliases, d.mailboxes, d.maillists, d.maxquota, d.transport,
       d.backupmx, d.settings, d.created, d.modified, d.expired, d.active
  FROM vmail.domain d
 WHERE d.domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_mailboxes AS
SELECT m.username, m.name, m.language, m.first_name, m.last_name, m.mobile, m.telephone,
       m.recovery_email, m.birthday, m.mailboxformat, m.mailboxfolder, m.storagebasedirectory,
       m.storagenode, m.maildir, m.quota, m.domain, m.transport, m.department, m.employeeid,
       m.isadmin, m.isglobaladmin, m.enablesmtp, m.enablesmtpsecured, m.enablepop3,
       m.enablepop3secured, m.enableimap, m.enableimapsecured, m.enabledeliver,
       m.enablemanagesieve, m.enablemanagesievesecured, m.enablesogo, m.allow_nets, m.settings,
       CASE WHEN m.password LIKE '{%}%' THEN SUBSTRING_INDEX(SUBSTRING(m.password, 2), '}', 1)
            WHEN m.password LIKE '$%' THEN 'CRYPT' ELSE 'UNKNOWN' END AS password_scheme,
       m.passwordlastchange, m.created, m.modified, m.expired, m.active
  FROM vmail.mailbox m
 WHERE m.domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_used_quota AS
SELECT q.username, q.bytes, q.messages, q.domain FROM vmail.used_quota q
 WHERE q.domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_forwardings AS
SELECT f.id, f.address, f.forwarding, f.domain, f.dest_domain, f.is_maillist, f.is_list,
       f.is_forwarding, f.is_alias, f.active
  FROM vmail.forwardings f
 WHERE f.domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_aliases AS
SELECT a.address, a.name, a.accesspolicy, a.domain, a.created, a.modified, a.expired, a.active
  FROM vmail.alias a
 WHERE a.domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_alias_domains AS
SELECT ad.alias_domain, ad.target_domain, ad.created, ad.modified, ad.active
  FROM vmail.alias_domain ad
 WHERE ad.target_domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_maillists AS
SELECT l.id, l.address, l.domain, l.transport, l.accesspolicy, l.maxmsgsize, l.name,
       l.description, l.mlid, l.is_newsletter, l.settings, l.created, l.modified, l.expired,
       l.active
  FROM vmail.maillists l
 WHERE l.domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_moderators AS
SELECT o.id, o.address, o.moderator, o.domain, o.dest_domain FROM vmail.moderators o
 WHERE o.domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_maillist_owners AS
SELECT o.id, o.address, o.owner, o.domain, o.dest_domain FROM vmail.maillist_owners o
 WHERE o.domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c)
$$
-- The caller's own audit trail.
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_audit_log AS
SELECT l.id, l.at, l.admin_username, l.domain, l.action, l.object, l.before_json, l.after_json
  FROM maildeck_delegation.audit_log l
 WHERE l.admin_username = maildeck_delegation.int_caller_admin()
