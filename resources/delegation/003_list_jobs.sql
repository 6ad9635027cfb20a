-- maildeck-delegation migration 3: mailing lists for domain admins, through the list agent.
--
-- mlmmj keeps a list in a directory on the server's disk, which only root may change, and a
-- domain admin's SSH account may forward to the database and nothing else. So a domain admin
-- asks for a list operation here (list_job_submit), the server's list agent (MailDeck's
-- maildeck-list-agent, run as root on the server, installed by the global admin) takes the job
-- (int_agent_take_job), runs the one fixed script of that operation (core/lists/MlmmjScripts)
-- with the job's target and arguments after checking their shapes, and stores the outcome
-- (int_agent_finish_job), which the admin reads in v_list_jobs.
--
-- What the server decides here, not the client:
--   * the target list (or, for countSubscribers, the domain) is in a domain the caller holds,
--     checked when the job is submitted and again when the agent takes it (a domain revoked
--     in between refuses the job: exit status 77);
--   * the operation is one of the known ones; the agent never receives a path, only the target
--     and the operation's arguments, and it refuses arguments of the wrong shape (exit 64);
--   * a caller sees and cancels only its own jobs;
--   * every job that changes something is in audit_log twice: when asked for and when done
--     (with the exit status).
-- A job nobody takes within two minutes is cancelled (the agent is not running), so that it
-- cannot run long after the admin gave up on it.

CREATE TABLE maildeck_delegation.list_jobs (
    id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
    request CHAR(32) CHARACTER SET ascii NOT NULL,
    created DATETIME(6) NOT NULL,
    db_user VARCHAR(128) NOT NULL,
    admin_username VARCHAR(255) CHARACTER SET ascii NOT NULL,
    domain VARCHAR(255) NOT NULL,
    op VARCHAR(32) CHARACTER SET ascii NOT NULL,
    target VARCHAR(255) NOT NULL,
    args LONGTEXT NOT NULL,
    stdin LONGBLOB NOT NULL,
    state ENUM('pending', 'running', 'done', 'cancelled') NOT NULL DEFAULT 'pending',
    taken DATETIME(6) NULL,
    finished DATETIME(6) NULL,
    exit_status INT NULL,
    stdout LONGBLOB NULL,
    stderr LONGBLOB NULL,
    PRIMARY KEY (id),
    UNIQUE KEY request (db_user, request),
    KEY state_id (state, id),
    KEY admin_id (admin_username, id),
    CONSTRAINT args_is_array CHECK (JSON_VALID(args) AND JSON_TYPE(args) = 'ARRAY')
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci
$$
GRANT SELECT, INSERT, UPDATE, DELETE ON maildeck_delegation.list_jobs TO `maildeck_definer`@`localhost`
$$
-- The operations and whether they change the list (audited). The names are those of
-- MlmmjScripts::opNames().
CREATE DEFINER=`maildeck_definer`@`localhost` FUNCTION maildeck_delegation.int_list_op_kind(
    p_op VARCHAR(64) CHARACTER SET utf8mb4)
RETURNS VARCHAR(8) CHARACTER SET ascii
DETERMINISTIC NO SQL SQL SECURITY DEFINER
RETURN CASE
    WHEN p_op IS NULL THEN NULL
    WHEN CAST(p_op AS BINARY) IN ('readControl', 'inventory', 'countSubscribers',
                                  'listSubscribers', 'exportSubscribers') THEN 'read'
    WHEN CAST(p_op AS BINARY) IN ('create', 'applyControl', 'commitBackup', 'restoreBackup',
                                  'discard', 'detach', 'undoRemoval', 'finishRemoval',
                                  'subscribe', 'unsubscribe', 'bulkAdd', 'bulkRemove') THEN 'write'
    ELSE NULL END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.list_job_submit(
    IN p_request VARCHAR(1024) CHARACTER SET utf8mb4, IN p_op VARCHAR(1024) CHARACTER SET utf8mb4, IN p_target VARCHAR(1024) CHARACTER SET utf8mb4,
    IN p_args LONGTEXT CHARACTER SET utf8mb4, IN p_stdin LONGBLOB)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Asks the list agent for one operation on a list of a domain the caller holds'
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_kind VARCHAR(8);
    DECLARE v_job BIGINT UNSIGNED;
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    IF p_request IS NULL OR NOT (CAST(p_request AS BINARY) REGEXP '^[0-9a-f]{32}$') THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: the request key must be 32 hex digits');
    END IF;
    SET v_kind = maildeck_delegation.int_list_op_kind(p_op);
    IF v_kind IS NULL THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: unknown list operation');
    END IF;
    IF CAST(p_op AS BINARY) = 'countSubscribers' THEN
        -- the target is a domain: the address check on a made-up address in it
        CALL maildeck_delegation.int_check_address(CONCAT('x@', COALESCE(p_target, '')));
        SET v_domain = p_target;
    ELSE
        CALL maildeck_delegation.int_check_address(p_target);
        SET v_domain = SUBSTRING_INDEX(p_target, '@', -1);
    END IF;
    CALL maildeck_delegation.int_require_domain(v_domain, v_admin);
    IF p_args IS NULL OR CHAR_LENGTH(p_args) > 4194304 OR NOT JSON_VALID(p_args)
       OR JSON_TYPE(p_args) <> 'ARRAY' THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: the arguments must be a JSON array of at most 4 MB');
    END IF;
    IF p_stdin IS NOT NULL AND LENGTH(p_stdin) > 8388608 THEN
        CALL maildeck_delegation.int_fail('maildeck.invalid: at most 8 MB of input');
    END IF;
    START TRANSACTION;
    -- The agent runs one job at a time for everyone: one admin cannot queue without bound.
    IF (SELECT COUNT(*) FROM maildeck_delegation.list_jobs
         WHERE admin_username = v_admin AND state IN ('pending', 'running')) >= 20 THEN
        CALL maildeck_delegation.int_fail('maildeck.limit: 20 of your list jobs are waiting already');
    END IF;
    IF EXISTS (SELECT 1 FROM maildeck_delegation.list_jobs
                WHERE db_user = maildeck_delegation.int_caller_user() AND request = p_request) THEN
        CALL maildeck_delegation.int_fail('maildeck.exists: a job with this request key exists');
    END IF;
    INSERT INTO maildeck_delegation.list_jobs (request, created, db_user, admin_username, domain,
                                               op, target, args, stdin)
    VALUES (p_request, UTC_TIMESTAMP(6), maildeck_delegation.int_caller_user(), v_admin, v_domain,
            p_op, p_target, p_args, COALESCE(p_stdin, ''));
    SET v_job = LAST_INSERT_ID();
    IF v_kind = 'write' THEN
        CALL maildeck_delegation.int_audit(v_admin, v_domain, CONCAT('maillist.files.', p_op),
            p_target, NULL,
            JSON_OBJECT('job', v_job, 'args', JSON_QUERY(p_args, '$'),
                        'input', LEFT(CONVERT(COALESCE(p_stdin, '') USING utf8mb4), 65536)));
    END IF;
    COMMIT;
END
$$
-- The caller's own jobs: the outcome is read here, by the request key the caller chose.
CREATE DEFINER=`maildeck_definer`@`localhost` SQL SECURITY DEFINER
VIEW maildeck_delegation.v_list_jobs AS
SELECT j.id, j.request, j.created, j.op, j.target, j.state, j.exit_status, j.stdout, j.stderr
  FROM maildeck_delegation.list_jobs j
 WHERE j.admin_username = maildeck_delegation.int_caller_admin()
   AND j.db_user = maildeck_delegation.int_caller_user()
$$
-- Withdraws a job the agent has not taken yet (v_list_jobs then says 'cancelled'); refused
-- when there is no such waiting job of the caller's (taken meanwhile, or not the caller's).
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.list_job_cancel(
    IN p_request VARCHAR(1024) CHARACTER SET utf8mb4)
MODIFIES SQL DATA SQL SECURITY DEFINER
COMMENT 'Cancels one of the caller''s list jobs while it waits'
BEGIN
    UPDATE maildeck_delegation.list_jobs
       SET state = 'cancelled', finished = UTC_TIMESTAMP(6)
     WHERE request = p_request AND state = 'pending'
       AND admin_username = maildeck_delegation.int_caller_admin()
       AND db_user = maildeck_delegation.int_caller_user();
    IF ROW_COUNT() = 0 THEN
        CALL maildeck_delegation.int_fail('maildeck.denied: no waiting list job of yours with this key');
    END IF;
END
$$
-- The agent's side. Granted to the agent's own account only (MailDeck's installer); the int_
-- prefix keeps them away from the domain admins' accounts.
--
-- Takes the oldest waiting job: one row (id, op, target, args and stdin in hex) or none.
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_agent_take_job()
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_id BIGINT UNSIGNED DEFAULT NULL;
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_db_user VARCHAR(128);
    DECLARE v_domain VARCHAR(255);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    START TRANSACTION;
    UPDATE maildeck_delegation.list_jobs
       SET state = 'cancelled', finished = UTC_TIMESTAMP(6),
           stderr = 'nobody took the job within two minutes (is the list agent running?)'
     WHERE state = 'pending' AND created < UTC_TIMESTAMP(6) - INTERVAL 2 MINUTE;
    UPDATE maildeck_delegation.list_jobs
       SET state = 'done', finished = UTC_TIMESTAMP(6), exit_status = 75,
           stderr = 'the list agent stopped while running the job'
     WHERE state = 'running' AND taken < UTC_TIMESTAMP(6) - INTERVAL 15 MINUTE;
    DELETE FROM maildeck_delegation.list_jobs
     WHERE state IN ('done', 'cancelled') AND created < UTC_TIMESTAMP(6) - INTERVAL 1 DAY;
    SELECT id, admin_username, db_user, domain INTO v_id, v_admin, v_db_user, v_domain
      FROM maildeck_delegation.list_jobs WHERE state = 'pending' ORDER BY id LIMIT 1
       FOR UPDATE SKIP LOCKED;
    IF v_id IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM maildeck_delegation.account_map am
                        WHERE am.db_user = v_db_user AND am.admin_username = v_admin
                          AND am.active = 1)
           OR NOT EXISTS (SELECT 1 FROM vmail.domain_admins da
                           WHERE da.username = v_admin AND da.domain = v_domain
                             AND da.active = 1)
           OR NOT (EXISTS (SELECT 1 FROM vmail.admin a WHERE a.username = v_admin AND a.active = 1)
                   OR EXISTS (SELECT 1 FROM vmail.mailbox m WHERE m.username = v_admin
                                 AND m.active = 1 AND m.isadmin = 1)) THEN
            UPDATE maildeck_delegation.list_jobs
               SET state = 'done', finished = UTC_TIMESTAMP(6), exit_status = 77,
                   stderr = 'maildeck.denied: the domain is no longer delegated to this admin'
             WHERE id = v_id;
            SET v_id = NULL;
        ELSE
            UPDATE maildeck_delegation.list_jobs SET state = 'running', taken = UTC_TIMESTAMP(6)
             WHERE id = v_id;
        END IF;
    END IF;
    COMMIT;
    SELECT id, op, target, HEX(args), HEX(stdin) FROM maildeck_delegation.list_jobs
     WHERE id = v_id;
END
$$
CREATE DEFINER=`maildeck_definer`@`localhost` PROCEDURE maildeck_delegation.int_agent_finish_job(
    IN p_id BIGINT UNSIGNED, IN p_exit INT, IN p_stdout LONGBLOB, IN p_stderr LONGBLOB)
MODIFIES SQL DATA SQL SECURITY DEFINER
BEGIN
    DECLARE v_admin VARCHAR(255) CHARACTER SET ascii;
    DECLARE v_domain VARCHAR(255);
    DECLARE v_op VARCHAR(32) CHARACTER SET ascii;
    DECLARE v_target VARCHAR(255);
    DECLARE EXIT HANDLER FOR SQLEXCEPTION BEGIN ROLLBACK; RESIGNAL; END;
    START TRANSACTION;
    SELECT admin_username, domain, op, target INTO v_admin, v_domain, v_op, v_target
      FROM maildeck_delegation.list_jobs WHERE id = p_id AND state = 'running' FOR UPDATE;
    IF v_op IS NOT NULL THEN
        UPDATE maildeck_delegation.list_jobs
           SET state = 'done', finished = UTC_TIMESTAMP(6), exit_status = p_exit,
               stdout = p_stdout, stderr = p_stderr
         WHERE id = p_id;
        IF maildeck_delegation.int_list_op_kind(v_op) = 'write' THEN
            CALL maildeck_delegation.int_audit(v_admin, v_domain, CONCAT('maillist.files.', v_op, '.done'),
                v_target, NULL, JSON_OBJECT('job', p_id, 'exit', p_exit,
                    'error', LEFT(CONVERT(COALESCE(p_stderr, '') USING utf8mb4), 4000)));
        END IF;
    END IF;
    COMMIT;
END
