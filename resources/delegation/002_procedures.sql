-- maildeck-delegation migration 2: the write procedures a domain admin may call.
--
-- Every public procedure (no `int_` prefix) is SQL SECURITY DEFINER and
--   1. validates each parameter's shape (lower-case addresses, known password-hash forms,
--      bounded text without control characters; no dynamic SQL anywhere),
--   2. checks that the caller holds the object's domain (vmail.domain_admins through
--      account_map, evaluated on every call, so revoking takes effect on the next statement),
--   3. refuses to touch administrators' mailboxes (isadmin, isglobaladmin, any domain_admins
--      or admin row): only the global admin changes those,
--   4. writes its rows and one audit_log row (who, when, what, before/after as JSON) in one
--      transaction.
-- Errors are SIGNALs with SQLSTATE 45000 and a message "maildeck.<code>: <text>", codes:
-- denied, invalid, not_found, exists, limit, protected.
-- Backslashes are avoided in string literals so that the server's NO_BACKSLASH_ESCAPES
-- setting cannot change a pattern.

CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_fail(
    IN p_message VARCHAR(255))
NO SQL SQL SECURITY DEFINER
SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = p_message
$$
-- A mail address as stored by iRedMail: lower case, ASCII (punycode domain), local part of
-- letters, digits and . _ - + = without leading, trailing or doubled dots.
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_check_address(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4)
NO SQL SQL SECURITY DEFINER
BEGIN
    IF p_address IS NULL OR CHAR_LENGTH(p_address) > 254
       OR CHAR_LENGTH(SUBSTRING_INDEX(p_address, '@', 1)) > 64
       OR p_address REGEXP '[[:cntrl:]]'
       OR NOT (CAST(p_address AS BINARY) REGEXP
               '^[a-z0-9_+=-]+([.][a-z0-9_+=-]+)*@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?([.][a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$')
    THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: not a valid lower-case mail address');
    END IF;
END
$$
-- Free text (names, descriptions): bounded, no control characters. Stored as given.
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_check_text(
    IN p_text TEXT CHARACTER SET utf8mb4, IN p_max INT)
NO SQL SQL SECURITY DEFINER
BEGIN
    IF p_text IS NULL OR CHAR_LENGTH(p_text) > p_max OR p_text REGEXP '[[:cntrl:]]' THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: text too long or with control characters');
    END IF;
END
$$
-- Password hashes MailDeck writes (core/db/PasswordHash): {SSHA512}, {BLF-CRYPT}$2y$,
-- {SHA512-CRYPT}$6$, and the {CRYPT} forms of bcrypt and SHA-512-crypt.
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_check_hash(
    IN p_hash VARCHAR(1024) CHARACTER SET utf8mb4)
NO SQL SQL SECURITY DEFINER
BEGIN
    IF p_hash IS NULL OR CHAR_LENGTH(p_hash) > 255 OR p_hash REGEXP '[[:cntrl:]]'
       OR NOT (CAST(p_hash AS BINARY) REGEXP
               '^([{]SSHA512[}][A-Za-z0-9+/]{86,160}={0,2}|[{](BLF-CRYPT|CRYPT)[}][$]2[aby][$][0-9]{2}[$][./A-Za-z0-9]{53}|[{](SHA512-CRYPT|CRYPT)[}][$]6[$](rounds=[0-9]{4,9}[$])?[./A-Za-z0-9]{1,16}[$][./A-Za-z0-9]{86})$')
    THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: not a supported password hash');
    END IF;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_check_policy(
    IN p_policy VARCHAR(1024) CHARACTER SET utf8mb4)
NO SQL SQL SECURITY DEFINER
BEGIN
    IF p_policy IS NULL OR CAST(p_policy AS BINARY) NOT IN ('public', 'domain', 'subdomain',
            'membersonly', 'moderatorsonly', 'membersandmoderatorsonly') THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: unknown access policy');
    END IF;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_check_flag(
    IN p_flag INT)
NO SQL SQL SECURITY DEFINER
BEGIN
    IF p_flag IS NULL OR p_flag NOT IN (0, 1) THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: a flag must be 0 or 1');
    END IF;
END
$$
-- The caller's admin, if the caller holds `p_domain`; refuses otherwise.
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_require_domain(
    IN p_domain VARCHAR(255) CHARACTER SET utf8mb4, OUT o_admin VARCHAR(255) CHARACTER SET ascii)
READS SQL DATA SQL SECURITY DEFINER
BEGIN
    SET o_admin = maildeck_delegation.int_caller_admin();
    IF o_admin IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.denied: this account is not an active domain admin');
    END IF;
    IF p_domain IS NULL
       OR NOT EXISTS (SELECT 1 FROM maildeck_delegation.int_caller_domains c
                       WHERE c.domain = p_domain)
       OR NOT EXISTS (SELECT 1 FROM vmail.domain d WHERE d.domain = p_domain) THEN
        CALL maildeck_delegation.int_fail('maildeck.denied: the domain is not delegated to you');
    END IF;
END
$$
-- An address that is free everywhere iRedAdmin looks (is_email_exists) and in maillists.
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_require_free(
    IN p_address VARCHAR(255) CHARACTER SET utf8mb4)
READS SQL DATA SQL SECURITY DEFINER
BEGIN
    IF EXISTS (SELECT 1 FROM vmail.mailbox WHERE username = p_address)
       OR EXISTS (SELECT 1 FROM vmail.alias WHERE address = p_address)
       OR EXISTS (SELECT 1 FROM vmail.forwardings WHERE address = p_address)
       OR EXISTS (SELECT 1 FROM vmail.maillists WHERE address = p_address) THEN
        CALL maildeck_delegation.int_fail('maildeck.exists: the address is already in use');
    END IF;
END
$$
-- Administrators' mailboxes are the global admin's business.
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_require_unprotected(
    IN p_username VARCHAR(255) CHARACTER SET utf8mb4)
READS SQL DATA SQL SECURITY DEFINER
BEGIN
    IF EXISTS (SELECT 1 FROM vmail.mailbox
                WHERE username = p_username AND (isadmin <> 0 OR isglobaladmin <> 0))
       OR EXISTS (SELECT 1 FROM vmail.domain_admins WHERE username = p_username)
       OR EXISTS (SELECT 1 FROM vmail.admin WHERE username = p_username) THEN
        CALL maildeck_delegation.int_fail('maildeck.protected: this mailbox belongs to an administrator');
    END IF;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_audit(
    IN p_admin VARCHAR(255) CHARACTER SET ascii, IN p_domain VARCHAR(255) CHARACTER SET utf8mb4,
    IN p_action VARCHAR(64), IN p_object VARCHAR(255) CHARACTER SET utf8mb4,
    IN p_before LONGTEXT CHARACTER SET utf8mb4, IN p_after LONGTEXT CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
INSERT INTO maildeck_delegation.audit_log
       (at, db_user, client, admin_username, domain, action, object, before_json, after_json)
VALUES (UTC_TIMESTAMP(6), maildeck_delegation.int_caller_user(), USER(), p_admin, p_domain, p_action,
        p_object, p_before, p_after)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` FUNCTION maildeck_delegation.int_mailbox_json(
    p_username VARCHAR(255) CHARACTER SET utf8mb4)
RETURNS LONGTEXT CHARACTER SET utf8mb4
NOT DETERMINISTIC READS SQL DATA SQL SECURITY DEFINER
RETURN (SELECT JSON_OBJECT('username', username, 'name', name, 'language', language,
                           'quota', quota, 'maildir', maildir, 'active', active)
          FROM vmail.mailbox WHERE username = p_username)
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_check_quota(
    IN p_domain VARCHAR(255) CHARACTER SET utf8mb4, IN p_username VARCHAR(255) CHARACTER SET utf8mb4,
    IN p_quota_mb BIGINT)
READS SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_max BIGINT DEFAULT 0;
    DECLARE v_used BIGINT DEFAULT 0;
    IF p_quota_mb IS NULL OR p_quota_mb < 0 OR p_quota_mb > 1073741824 THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: quota must be 0 (unlimited) or a positive number of MB');
    END IF;
    SELECT maxquota INTO v_max FROM vmail.domain WHERE domain = p_domain FOR UPDATE;
    IF v_max > 0 THEN
        IF p_quota_mb = 0 THEN
            CALL maildeck_delegation.int_fail('maildeck.limit: the domain has a quota limit; unlimited mailboxes are not allowed');
        END IF;
        SELECT COALESCE(SUM(quota), 0) INTO v_used FROM vmail.mailbox
         WHERE domain = p_domain AND username <> COALESCE(p_username, '');
        IF v_used + p_quota_mb > v_max THEN
            CALL maildeck_delegation.int_fail('maildeck.limit: the quota exceeds what is left of the domain''s quota');
        END IF;
    END IF;
END
$$
-- ---------------------------------------------------------------- mailboxes
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.mailbox_create(
    IN p_username VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_password_hash VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_name VARCHAR(1024) CHARACTER SET utf8mb4, IN p_quota_mb BIGINT)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Creates a mailbox and its forwardings self row (iRedAdmin add_user_from_form)'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_local VARCHAR(255);
    DECLARE v_limit INT DEFAULT 0;
    DECLARE v_count INT DEFAULT 0;
    DECLARE v_c VARCHAR(3);
    DECLARE v_maildir VARCHAR(255);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_username);
    SET v_domain = SUBSTRING_INDEX(p_username, '@', -1);
    SET v_local = SUBSTRING_INDEX(p_username, '@', 1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    CALL maildeck_delegation.int_check_hash(p_password_hash);
    CALL maildeck_delegation.int_check_text(p_name, 255);
    START TRANSACTION;
    SELECT mailboxes INTO v_limit FROM vmail.domain WHERE domain = v_domain FOR UPDATE;
    CALL maildeck_delegation.int_require_free(p_username);
    IF v_limit < 0 THEN
        CALL maildeck_delegation.int_fail('maildeck.limit: new mailboxes are not allowed in this domain');
    END IF;
    IF v_limit > 0 THEN
        SELECT COUNT(*) INTO v_count FROM vmail.mailbox WHERE domain = v_domain;
        IF v_count >= v_limit THEN
            CALL maildeck_delegation.int_fail('maildeck.limit: the domain has reached its number of mailboxes');
        END IF;
    END IF;
    CALL maildeck_delegation.int_check_quota(v_domain, NULL, p_quota_mb);
    SET v_c = REPLACE(REPLACE(RPAD(LEFT(v_local, 3), 3, '_'), '.', '_'), '~', '_');
    SET v_maildir = CONCAT(v_domain, '/', SUBSTRING(v_c, 1, 1), '/', SUBSTRING(v_c, 2, 1), '/',
                           SUBSTRING(v_c, 3, 1), '/', v_local,
                           DATE_FORMAT(UTC_TIMESTAMP(), '-%Y.%m.%d.%H.%i.%s'), '/');
    INSERT INTO vmail.mailbox (username, password, name, quota, domain, maildir,
                               passwordlastchange, created, modified, active)
    VALUES (p_username, p_password_hash, p_name, p_quota_mb, v_domain, v_maildir,
            UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), 1);
    INSERT INTO vmail.forwardings (address, forwarding, domain, dest_domain, is_forwarding, active)
    VALUES (p_username, p_username, v_domain, v_domain, 1, 1);
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'mailbox.create', p_username, NULL,
                                       maildeck_delegation.int_mailbox_json(p_username));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.mailbox_update(
    IN p_username VARCHAR(1024) CHARACTER SET utf8mb4, IN p_name VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_language VARCHAR(1024) CHARACTER SET utf8mb4, IN p_active INT)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Changes name, language and active of a mailbox (iRedAdmin user.update general)'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_before LONGTEXT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_username);
    SET v_domain = SUBSTRING_INDEX(p_username, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    CALL maildeck_delegation.int_check_text(p_name, 255);
    CALL maildeck_delegation.int_check_flag(p_active);
    IF p_language IS NULL
       OR NOT (CAST(p_language AS BINARY) REGEXP '^([a-z]{2}(_[A-Z]{2})?)?$')
       OR p_language REGEXP '[[:cntrl:]]' THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: language must look like en_US');
    END IF;
    START TRANSACTION;
    SELECT maildeck_delegation.int_mailbox_json(username) INTO v_before FROM vmail.mailbox
     WHERE username = p_username FOR UPDATE;
    IF v_before IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such mailbox');
    END IF;
    CALL maildeck_delegation.int_require_unprotected(p_username);
    UPDATE vmail.mailbox SET name = p_name, language = p_language, active = p_active,
           modified = UTC_TIMESTAMP() WHERE username = p_username;
    UPDATE vmail.forwardings SET active = p_active WHERE address = p_username AND domain = v_domain;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'mailbox.update', p_username, v_before,
                                       maildeck_delegation.int_mailbox_json(p_username));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.mailbox_set_quota(
    IN p_username VARCHAR(1024) CHARACTER SET utf8mb4, IN p_quota_mb BIGINT)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Sets a mailbox quota (MB, 0 = unlimited) within the domain''s maxquota'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_before LONGTEXT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_username);
    SET v_domain = SUBSTRING_INDEX(p_username, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    SELECT maildeck_delegation.int_mailbox_json(username) INTO v_before FROM vmail.mailbox
     WHERE username = p_username FOR UPDATE;
    IF v_before IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such mailbox');
    END IF;
    CALL maildeck_delegation.int_require_unprotected(p_username);
    CALL maildeck_delegation.int_check_quota(v_domain, p_username, p_quota_mb);
    UPDATE vmail.mailbox SET quota = p_quota_mb, modified = UTC_TIMESTAMP()
     WHERE username = p_username;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'mailbox.set_quota', p_username, v_before,
                                       maildeck_delegation.int_mailbox_json(p_username));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.mailbox_set_password(
    IN p_username VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_password_hash VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Sets a password hash made by the client (core/db/PasswordHash)'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_before LONGTEXT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_username);
    SET v_domain = SUBSTRING_INDEX(p_username, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    CALL maildeck_delegation.int_check_hash(p_password_hash);
    START TRANSACTION;
    SELECT JSON_OBJECT('username', username, 'passwordlastchange', passwordlastchange)
      INTO v_before FROM vmail.mailbox WHERE username = p_username FOR UPDATE;
    IF v_before IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such mailbox');
    END IF;
    CALL maildeck_delegation.int_require_unprotected(p_username);
    UPDATE vmail.mailbox SET password = p_password_hash, passwordlastchange = UTC_TIMESTAMP(),
           modified = UTC_TIMESTAMP() WHERE username = p_username;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'mailbox.set_password', p_username,
        v_before, JSON_OBJECT('username', p_username, 'passwordlastchange', UTC_TIMESTAMP(),
                              'scheme', SUBSTRING_INDEX(SUBSTRING(p_password_hash, 2), '}', 1)));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.mailbox_delete(
    IN p_username VARCHAR(1024) CHARACTER SET utf8mb4, IN p_keep_days INT)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Deletes a mailbox as iRedAdmin delete_users does, within the caller''s domains'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_before LONGTEXT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_username);
    SET v_domain = SUBSTRING_INDEX(p_username, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    IF p_keep_days IS NULL OR p_keep_days < 0 OR p_keep_days > 36500 THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: keep days must be 0 (forever) to 36500');
    END IF;
    START TRANSACTION;
    SELECT maildeck_delegation.int_mailbox_json(username) INTO v_before FROM vmail.mailbox
     WHERE username = p_username FOR UPDATE;
    IF v_before IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such mailbox');
    END IF;
    CALL maildeck_delegation.int_require_unprotected(p_username);
    INSERT INTO vmail.deleted_mailboxes (username, maildir, domain, admin, delete_date)
    SELECT username, CONCAT(storagebasedirectory, '/', storagenode, '/', maildir), domain, v_admin,
           IF(p_keep_days > 0, DATE_ADD(CURDATE(), INTERVAL p_keep_days DAY), NULL)
      FROM vmail.mailbox WHERE username = p_username;
    DELETE FROM vmail.mailbox WHERE username = p_username;
    DELETE FROM vmail.used_quota WHERE username = p_username;
    DELETE FROM vmail.recipient_bcc_user WHERE username = p_username;
    DELETE FROM vmail.sender_bcc_user WHERE username = p_username;
    DELETE FROM vmail.forwardings
     WHERE address = p_username
        OR (forwarding = p_username
            AND domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c));
    DELETE FROM vmail.moderators
     WHERE moderator = p_username
       AND domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c);
    DELETE FROM vmail.maillist_owners
     WHERE owner = p_username
       AND domain IN (SELECT c.domain FROM maildeck_delegation.int_caller_domains c);
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'mailbox.delete', p_username, v_before,
                                       JSON_OBJECT('keep_days', p_keep_days));
    COMMIT;
END
$$
-- ---------------------------------------------------------------- forwardings of a mailbox
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.forwarding_add(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_destination VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Forwards mail of a mailbox to another address (forwardings is_forwarding=1)'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_active INT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    CALL maildeck_delegation.int_check_address(p_destination);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    IF CAST(p_destination AS BINARY) = CAST(p_address AS BINARY) THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: use forwarding_set_keep_copy for the mailbox itself');
    END IF;
    START TRANSACTION;
    SELECT active INTO v_active FROM vmail.mailbox WHERE username = p_address FOR UPDATE;
    IF v_active IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such mailbox');
    END IF;
    CALL maildeck_delegation.int_require_unprotected(p_address);
    IF EXISTS (SELECT 1 FROM vmail.forwardings WHERE address = p_address AND forwarding = p_destination) THEN
        CALL maildeck_delegation.int_fail('maildeck.exists: this forwarding exists');
    END IF;
    INSERT INTO vmail.forwardings (address, forwarding, domain, dest_domain, is_forwarding, active)
    VALUES (p_address, p_destination, v_domain, SUBSTRING_INDEX(p_destination, '@', -1), 1, v_active);
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'forwarding.add', p_address, NULL,
                                       JSON_OBJECT('address', p_address, 'forwarding', p_destination));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.forwarding_remove(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_destination VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Removes one forwarding of a mailbox'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    CALL maildeck_delegation.int_check_address(p_destination);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    CALL maildeck_delegation.int_require_unprotected(p_address);
    IF NOT EXISTS (SELECT 1 FROM vmail.forwardings
                    WHERE address = p_address AND forwarding = p_destination AND is_forwarding = 1
                      AND forwarding <> address AND domain = v_domain) THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such forwarding');
    END IF;
    DELETE FROM vmail.forwardings WHERE address = p_address AND forwarding = p_destination
       AND is_forwarding = 1 AND domain = v_domain;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'forwarding.remove', p_address,
        JSON_OBJECT('address', p_address, 'forwarding', p_destination), NULL);
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.forwarding_set_keep_copy(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_keep INT)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Adds or removes the self row that keeps a local copy of forwarded mail'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_active INT;
    DECLARE v_had INT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    CALL maildeck_delegation.int_check_flag(p_keep);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    SELECT active INTO v_active FROM vmail.mailbox WHERE username = p_address FOR UPDATE;
    IF v_active IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such mailbox');
    END IF;
    CALL maildeck_delegation.int_require_unprotected(p_address);
    SET v_had = EXISTS (SELECT 1 FROM vmail.forwardings
                         WHERE address = p_address AND forwarding = p_address);
    IF p_keep = 1 AND v_had = 0 THEN
        INSERT INTO vmail.forwardings (address, forwarding, domain, dest_domain, is_forwarding, active)
        VALUES (p_address, p_address, v_domain, v_domain, 1, v_active);
    ELSEIF p_keep = 0 AND v_had = 1 THEN
        DELETE FROM vmail.forwardings WHERE address = p_address AND forwarding = p_address;
    END IF;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'forwarding.keep_copy', p_address,
        JSON_OBJECT('keep_copy', v_had), JSON_OBJECT('keep_copy', p_keep));
    COMMIT;
END
$$
-- ---------------------------------------------------------------- alias accounts
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.alias_create(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_name VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_access_policy VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Creates an alias account (table alias); members are added with alias_member_add'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_limit INT DEFAULT 0;
    DECLARE v_count INT DEFAULT 0;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    CALL maildeck_delegation.int_check_text(p_name, 255);
    CALL maildeck_delegation.int_check_policy(p_access_policy);
    START TRANSACTION;
    SELECT aliases INTO v_limit FROM vmail.domain WHERE domain = v_domain FOR UPDATE;
    CALL maildeck_delegation.int_require_free(p_address);
    IF v_limit < 0 THEN
        CALL maildeck_delegation.int_fail('maildeck.limit: new aliases are not allowed in this domain');
    END IF;
    IF v_limit > 0 THEN
        SELECT COUNT(*) INTO v_count FROM vmail.alias WHERE domain = v_domain;
        IF v_count >= v_limit THEN
            CALL maildeck_delegation.int_fail('maildeck.limit: the domain has reached its number of aliases');
        END IF;
    END IF;
    INSERT INTO vmail.alias (address, name, accesspolicy, domain, created, modified, active)
    VALUES (p_address, p_name, p_access_policy, v_domain, UTC_TIMESTAMP(), UTC_TIMESTAMP(), 1);
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'alias.create', p_address, NULL,
        JSON_OBJECT('address', p_address, 'name', p_name, 'accesspolicy', p_access_policy));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.alias_update(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_name VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_access_policy VARCHAR(1024) CHARACTER SET utf8mb4, IN p_active INT)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Changes name, access policy and active of an alias account'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_before LONGTEXT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    CALL maildeck_delegation.int_check_text(p_name, 255);
    CALL maildeck_delegation.int_check_policy(p_access_policy);
    CALL maildeck_delegation.int_check_flag(p_active);
    START TRANSACTION;
    SELECT JSON_OBJECT('address', address, 'name', name, 'accesspolicy', accesspolicy, 'active', active)
      INTO v_before FROM vmail.alias WHERE address = p_address AND domain = v_domain FOR UPDATE;
    IF v_before IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such alias');
    END IF;
    UPDATE vmail.alias SET name = p_name, accesspolicy = p_access_policy, active = p_active,
           modified = UTC_TIMESTAMP() WHERE address = p_address;
    UPDATE vmail.forwardings SET active = p_active
     WHERE address = p_address AND is_list = 1 AND domain = v_domain;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'alias.update', p_address, v_before,
        JSON_OBJECT('address', p_address, 'name', p_name, 'accesspolicy', p_access_policy,
                    'active', p_active));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.alias_delete(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Deletes an alias account, its members and moderators'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_before LONGTEXT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    SELECT JSON_OBJECT('address', a.address, 'name', a.name, 'accesspolicy', a.accesspolicy,
                       'active', a.active,
                       'members', (SELECT JSON_ARRAYAGG(f.forwarding) FROM vmail.forwardings f
                                    WHERE f.address = a.address AND f.is_list = 1))
      INTO v_before FROM vmail.alias a WHERE a.address = p_address AND a.domain = v_domain FOR UPDATE;
    IF v_before IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such alias');
    END IF;
    DELETE FROM vmail.forwardings WHERE address = p_address AND is_list = 1 AND domain = v_domain;
    DELETE FROM vmail.moderators WHERE address = p_address AND domain = v_domain;
    DELETE FROM vmail.alias WHERE address = p_address;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'alias.delete', p_address, v_before, NULL);
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.alias_member_add(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_member VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Adds a member to an alias account (forwardings is_list=1)'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_active INT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    CALL maildeck_delegation.int_check_address(p_member);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    SELECT active INTO v_active FROM vmail.alias WHERE address = p_address AND domain = v_domain FOR UPDATE;
    IF v_active IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such alias');
    END IF;
    IF EXISTS (SELECT 1 FROM vmail.forwardings WHERE address = p_address AND forwarding = p_member) THEN
        CALL maildeck_delegation.int_fail('maildeck.exists: already a member');
    END IF;
    INSERT INTO vmail.forwardings (address, forwarding, domain, dest_domain, is_list, active)
    VALUES (p_address, p_member, v_domain, SUBSTRING_INDEX(p_member, '@', -1), 1, v_active);
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'alias.member_add', p_address, NULL,
                                       JSON_OBJECT('member', p_member));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.alias_member_remove(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_member VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Removes a member from an alias account'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    CALL maildeck_delegation.int_check_address(p_member);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    IF NOT EXISTS (SELECT 1 FROM vmail.forwardings WHERE address = p_address AND forwarding = p_member
                      AND is_list = 1 AND domain = v_domain) THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: not a member');
    END IF;
    DELETE FROM vmail.forwardings WHERE address = p_address AND forwarding = p_member
       AND is_list = 1 AND domain = v_domain;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'alias.member_remove', p_address,
                                       JSON_OBJECT('member', p_member), NULL);
    COMMIT;
END
$$
-- ---------------------------------------------------------------- mailing lists (SQL rows)
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.maillist_create(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_name VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_access_policy VARCHAR(1024) CHARACTER SET utf8mb4, IN p_max_message_size BIGINT)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Writes the SQL rows of an mlmmj list as mlmmjadmin bk_iredmail_sql does'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_limit INT DEFAULT 0;
    DECLARE v_count INT DEFAULT 0;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    CALL maildeck_delegation.int_check_text(p_name, 255);
    CALL maildeck_delegation.int_check_policy(p_access_policy);
    IF p_max_message_size IS NULL OR p_max_message_size < 0 THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: maximum message size must be 0 or more bytes');
    END IF;
    START TRANSACTION;
    SELECT maillists INTO v_limit FROM vmail.domain WHERE domain = v_domain FOR UPDATE;
    CALL maildeck_delegation.int_require_free(p_address);
    IF v_limit < 0 THEN
        CALL maildeck_delegation.int_fail('maildeck.limit: new mailing lists are not allowed in this domain');
    END IF;
    IF v_limit > 0 THEN
        SELECT COUNT(*) INTO v_count FROM vmail.maillists WHERE domain = v_domain;
        IF v_count >= v_limit THEN
            CALL maildeck_delegation.int_fail('maildeck.limit: the domain has reached its number of mailing lists');
        END IF;
    END IF;
    INSERT INTO vmail.maillists (address, domain, transport, accesspolicy, maxmsgsize, name, mlid,
                                 created, modified, active)
    VALUES (p_address, v_domain, CONCAT('mlmmj:', v_domain, '/', SUBSTRING_INDEX(p_address, '@', 1)),
            p_access_policy, p_max_message_size, p_name, UUID(), UTC_TIMESTAMP(), UTC_TIMESTAMP(), 1);
    INSERT INTO vmail.forwardings (address, forwarding, domain, dest_domain, is_maillist, active)
    VALUES (p_address, p_address, v_domain, v_domain, 1, 1);
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'maillist.create', p_address, NULL,
        JSON_OBJECT('address', p_address, 'name', p_name, 'accesspolicy', p_access_policy,
                    'maxmsgsize', p_max_message_size));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.maillist_update(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_name VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_description TEXT CHARACTER SET utf8mb4, IN p_access_policy VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_max_message_size BIGINT, IN p_active INT)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Changes the SQL rows of an mlmmj list'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_before LONGTEXT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    CALL maildeck_delegation.int_check_text(p_name, 255);
    CALL maildeck_delegation.int_check_text(p_description, 4000);
    CALL maildeck_delegation.int_check_policy(p_access_policy);
    CALL maildeck_delegation.int_check_flag(p_active);
    IF p_max_message_size IS NULL OR p_max_message_size < 0 THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: maximum message size must be 0 or more bytes');
    END IF;
    START TRANSACTION;
    SELECT JSON_OBJECT('address', address, 'name', name, 'description', description,
                       'accesspolicy', accesspolicy, 'maxmsgsize', maxmsgsize, 'active', active)
      INTO v_before FROM vmail.maillists WHERE address = p_address AND domain = v_domain FOR UPDATE;
    IF v_before IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such mailing list');
    END IF;
    UPDATE vmail.maillists SET name = p_name, description = p_description,
           accesspolicy = p_access_policy, maxmsgsize = p_max_message_size, active = p_active,
           modified = UTC_TIMESTAMP() WHERE address = p_address;
    UPDATE vmail.forwardings SET active = p_active
     WHERE address = p_address AND is_maillist = 1 AND domain = v_domain;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'maillist.update', p_address, v_before,
        JSON_OBJECT('address', p_address, 'name', p_name, 'description', p_description,
                    'accesspolicy', p_access_policy, 'maxmsgsize', p_max_message_size,
                    'active', p_active));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.maillist_delete(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Deletes the SQL rows of an mlmmj list (the list on disk is the global admin''s)'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_before LONGTEXT;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    SELECT JSON_OBJECT('address', address, 'name', name, 'mlid', mlid, 'transport', transport,
                       'accesspolicy', accesspolicy, 'active', active)
      INTO v_before FROM vmail.maillists WHERE address = p_address AND domain = v_domain FOR UPDATE;
    IF v_before IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such mailing list');
    END IF;
    DELETE FROM vmail.forwardings WHERE address = p_address AND domain = v_domain;
    DELETE FROM vmail.moderators WHERE address = p_address AND domain = v_domain;
    DELETE FROM vmail.maillist_owners WHERE address = p_address AND domain = v_domain;
    DELETE FROM vmail.maillists WHERE address = p_address;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'maillist.delete', p_address, v_before, NULL);
    COMMIT;
END
$$
-- Moderators of an alias account or a mailing list; owners of a mailing list.
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.moderator_add(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_moderator VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Adds a moderator to an alias account or a mailing list'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    CALL maildeck_delegation.int_check_address(p_moderator);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    IF NOT EXISTS (SELECT 1 FROM vmail.alias WHERE address = p_address AND domain = v_domain)
       AND NOT EXISTS (SELECT 1 FROM vmail.maillists WHERE address = p_address AND domain = v_domain) THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such alias or mailing list');
    END IF;
    IF EXISTS (SELECT 1 FROM vmail.moderators WHERE address = p_address AND moderator = p_moderator) THEN
        CALL maildeck_delegation.int_fail('maildeck.exists: already a moderator');
    END IF;
    INSERT INTO vmail.moderators (address, moderator, domain, dest_domain)
    VALUES (p_address, p_moderator, v_domain, SUBSTRING_INDEX(p_moderator, '@', -1));
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'moderator.add', p_address, NULL,
                                       JSON_OBJECT('moderator', p_moderator));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.moderator_remove(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_moderator VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Removes a moderator of an alias account or a mailing list'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    CALL maildeck_delegation.int_check_address(p_moderator);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    IF NOT EXISTS (SELECT 1 FROM vmail.moderators WHERE address = p_address AND moderator = p_moderator
                      AND domain = v_domain) THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: not a moderator');
    END IF;
    DELETE FROM vmail.moderators WHERE address = p_address AND moderator = p_moderator AND domain = v_domain;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'moderator.remove', p_address,
                                       JSON_OBJECT('moderator', p_moderator), NULL);
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.maillist_owner_add(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_owner VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Adds an owner row to a mailing list'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    CALL maildeck_delegation.int_check_address(p_owner);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    IF NOT EXISTS (SELECT 1 FROM vmail.maillists WHERE address = p_address AND domain = v_domain) THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: no such mailing list');
    END IF;
    IF EXISTS (SELECT 1 FROM vmail.maillist_owners WHERE address = p_address AND owner = p_owner) THEN
        CALL maildeck_delegation.int_fail('maildeck.exists: already an owner');
    END IF;
    INSERT INTO vmail.maillist_owners (address, owner, domain, dest_domain)
    VALUES (p_address, p_owner, v_domain, SUBSTRING_INDEX(p_owner, '@', -1));
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'maillist.owner_add', p_address, NULL,
                                       JSON_OBJECT('owner', p_owner));
    COMMIT;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.maillist_owner_remove(
    IN p_address VARCHAR(1024) CHARACTER SET utf8mb4, IN p_owner VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Removes an owner row of a mailing list'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    CALL maildeck_delegation.int_check_address(p_address);
    CALL maildeck_delegation.int_check_address(p_owner);
    SET v_domain = SUBSTRING_INDEX(p_address, '@', -1);
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    START TRANSACTION;
    IF NOT EXISTS (SELECT 1 FROM vmail.maillist_owners WHERE address = p_address AND owner = p_owner
                      AND domain = v_domain) THEN
        CALL maildeck_delegation.int_fail('maildeck.not_found: not an owner');
    END IF;
    DELETE FROM vmail.maillist_owners WHERE address = p_address AND owner = p_owner AND domain = v_domain;
    CALL maildeck_delegation.int_audit(v_admin, v_domain, 'maillist.owner_remove', p_address,
                                       JSON_OBJECT('owner', p_owner), NULL);
    COMMIT;
END
