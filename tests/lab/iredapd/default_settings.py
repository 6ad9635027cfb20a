# iRedAPD's libs/default_settings.py as the MailDeck lab installs it: the variables and default
# values of iRedAPD 6.x (facts/iredmail.md 6.3), with short comments of our own. As on a real
# server, never edit this file; override a value in settings.py, which starts with
# `from libs.default_settings import *`.
#
# Read by tests/lab/iredapd/lab-policyd.py (the lab's stand-in for iRedAPD, not iRedAPD).

# Logging through syslog (the lab stand-in writes its log file directly instead).
SYSLOG_SERVER = '/dev/log'
SYSLOG_PORT = 514
SYSLOG_FACILITY = 'local5'

# Custom plugin priorities, or overrides of the built-in ones.
PLUGIN_PRIORITIES = {}

# Trusted clients: single IPs, wildcards (192.168.1.*) or CIDR networks. 127.0.0.1 and ::1 are
# always trusted. Keep in line with Postfix's mynetworks.
MYNETWORKS = []

# Recipient delimiters (user+ext@domain).
RECIPIENT_DELIMITERS = ['+']

# SQL connection pool.
SQL_CONNECTION_POOL_SIZE = 10
SQL_CONNECTION_MAX_OVERFLOW = 10
SQL_CONNECTION_POOL_RECYCLE = 60

# DNS query timeout in seconds.
DNS_QUERY_TIMEOUT = 3.0

# Log non-DUNNO decisions in the iredapd.smtp_sessions table.
LOG_SMTP_SESSIONS = True
LOG_SMTP_SESSIONS_EXPIRE_DAYS = 7
LOG_SMTP_SESSIONS_BYPASS_DUNNO = False
LOG_SMTP_SESSIONS_BYPASS_GREYLISTING = False
LOG_SMTP_SESSIONS_BYPASS_WHITELIST = False

# SPF: how many DNS queries one SPF check may make.
SPF_MAX_DNS_QUERIES = 20

# amavisd_wblist / throttle: try every wildcard form of the client IP.
ENABLE_ALL_WILDCARD_IP = False

# amavisd_wblist
WBLIST_BYPASS_OUTGOING_EMAIL = False
WBLIST_DISCARD_INSTEAD_OF_REJECT = False

# sql_force_change_password
CHANGE_PASSWORD_DAYS = 90
CHANGE_PASSWORD_MESSAGE = 'Password expired or never changed, please change your password in webmail before sending email'
CHANGE_PASSWORD_NEVER_EXPIRE_USERS = []

# reject_sender_login_mismatch, mail sent without SMTP AUTH:
# a sender in a locally hosted domain must authenticate ...
CHECK_FORGED_SENDER = True
# ... except these addresses, domains, or `name@*` patterns ...
ALLOWED_FORGED_SENDERS = []
# ... and clients that the sender domain's SPF record lists.
CHECK_SPF_IF_LOGIN_MISMATCH = True

# reject_sender_login_mismatch, authenticated mail:
# SASL users (user@d), domains (d), `@d` (within their own domain) or `@.` (everyone, within
# their own domain) who may send as another address.
ALLOWED_LOGIN_MISMATCH_SENDERS = []
# Allow sending as one's own per-user aliases and as user@<alias domain>.
ALLOWED_LOGIN_MISMATCH_STRICTLY = True
# Allow members of an alias or mailing list to send as that list.
ALLOWED_LOGIN_MISMATCH_LIST_MEMBER = False

# greylisting
GREYLISTING_MESSAGE = 'Intentional policy rejection, please try again later'
GREYLISTING_TRAINING_MODE = False
GREYLISTING_BLOCK_EXPIRE = 15
GREYLISTING_AUTH_TRIPLET_EXPIRE = 30
GREYLISTING_UNAUTH_TRIPLET_EXPIRE = 1
GREYLISTING_BYPASS_SPF = True

# whitelist_outbound_recipient
WL_RCPT_FOR_GREYLISTING = True
WL_RCPT_WITHOUT_SPF = False
WL_RCPT_LOCAL_ACCOUNT = 'user'
WL_RCPT_RCPT = 'user'
WL_RCPT_WHITELIST_DOMAIN_FOR_GREYLISTING = False

# throttle
THROTTLE_BYPASS_MYNETWORKS = False
THROTTLE_BYPASS_LOCAL_RECIPIENT = True
THROTTLE_BYPASS_SAME_DOMAIN = True

# senderscore
SENDERSCORE_REJECT_SCORE = 30
SENDERSCORE_CACHE_DAYS = 2

# mlmmjadmin API (list membership checks)
MLMMJADMIN_API_AUTH_TOKEN_HEADER_NAME = 'X-MLMMJADMIN-API-AUTH-TOKEN'

# Notification mail
CMD_SENDMAIL = '/usr/sbin/sendmail'
NOTIFICATION_RECIPIENTS = ['root']
NOTIFICATION_SMTP_SERVER = 'localhost'
NOTIFICATION_SMTP_PORT = 587
NOTIFICATION_SMTP_STARTTLS = True
NOTIFICATION_SMTP_USER = 'no-reply@localhost.localdomain'
NOTIFICATION_SMTP_PASSWORD = ''
NOTIFICATION_SMTP_DEBUG_LEVEL = 0
NOTIFICATION_SENDER_NAME = 'No Reply'

# SQL cleanup batch size.
CLEANUP_QUERY_SIZE_LIMIT = 1000
