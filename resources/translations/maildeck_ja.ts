<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP">
<context>
    <name>AccessScope</name>
    <message>
        <location filename="../../core/delegation/AccessScope.cpp" line="+47"/>
        <location line="+11"/>
        <source>find out what this account may manage</source>
        <translation>このアカウントが管理できる範囲の確認</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>A domain administrator cannot %1; ask the server&apos;s administrator.</source>
        <translation>ドメイン管理者は%1ことができません。サーバーの管理者に依頼してください。</translation>
    </message>
</context>
<context>
    <name>AliasRepository</name>
    <message>
        <location filename="../../core/db/AliasRepository.cpp" line="+68"/>
        <source>check the domain</source>
        <translation>ドメインの確認</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>read the alias %1</source>
        <translation>エイリアス %1 の読み込み</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+459"/>
        <location line="+91"/>
        <source>The alias %1</source>
        <translation>エイリアス %1</translation>
    </message>
    <message>
        <location line="-528"/>
        <source>read the forwarding of %1</source>
        <translation>%1 の転送設定の読み込み</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The mailbox %1</source>
        <translation>メールボックス %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>read the catch-all of %1</source>
        <translation>%1 のキャッチオールの読み込み</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+311"/>
        <location line="+398"/>
        <source>The domain %1 does not exist on this server.</source>
        <translation>ドメイン %1 はこのサーバーに存在しません。</translation>
    </message>
    <message>
        <location line="-689"/>
        <source>check the address</source>
        <translation>アドレスの確認</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 &quot;%2&quot;: %3</source>
        <translation>%1「%2」: %3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 %2: the domain is on this server, but no mailbox, alias or list has this address.</source>
        <translation>%1 %2: ドメインはこのサーバー上にありますが、このアドレスを持つメールボックス、エイリアス、メーリングリストはありません。</translation>
    </message>
    <message>
        <location line="+93"/>
        <location line="+16"/>
        <location line="+41"/>
        <source>list the aliases of %1</source>
        <translation>%1 のエイリアス一覧の取得</translation>
    </message>
    <message>
        <location line="+88"/>
        <location line="+66"/>
        <source>Unknown access policy &quot;%1&quot;.</source>
        <translation>不明なアクセスポリシー「%1」です。</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>create the alias %1</source>
        <translation>エイリアス %1 の作成</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+280"/>
        <source>The address %1 is already in use (by a mailbox, an alias, a forwarding or a mailing list).</source>
        <translation>アドレス %1 は既に使用されています（メールボックス、エイリアス、転送、メーリングリストのいずれか）。</translation>
    </message>
    <message>
        <location line="-270"/>
        <source>The domain %1 already has %2 of at most %3 aliases.</source>
        <translation>ドメイン %1 のエイリアスは既に %2 個あります（上限 %3 個）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+37"/>
        <source>Member</source>
        <translation>メンバー</translation>
    </message>
    <message>
        <location line="-33"/>
        <location line="+37"/>
        <source>An alias cannot be its own member.</source>
        <translation>エイリアス自身をメンバーにすることはできません。</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>change the alias %1</source>
        <translation>エイリアス %1 の変更</translation>
    </message>
    <message>
        <location line="+70"/>
        <location line="+7"/>
        <source>Moderator &quot;%1&quot;: %2</source>
        <translation>モデレーター「%1」: %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>change the moderators of %1</source>
        <translation>%1 のモデレーターを変更</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>delete the alias %1</source>
        <translation>エイリアス %1 の削除</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>change the forwarding of %1</source>
        <translation>%1 の転送設定の変更</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The forwarding of %1</source>
        <translation>%1 の転送設定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forwarding address</source>
        <translation>転送先アドレス</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>%1 already has a row for one of these addresses in another role (alias member or list).</source>
        <translation>%1 には、これらのアドレスのいずれかについて別の役割（エイリアスのメンバーまたはメーリングリスト）の行が既にあります。</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+37"/>
        <source>change alias addresses of users</source>
        <translation>ユーザーのエイリアスアドレスを変更する</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>add the alias address %1</source>
        <translation>エイリアスアドレス %1 の追加</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The mailbox %1 does not exist.</source>
        <translation>メールボックス %1 は存在しません。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>remove the alias address %1</source>
        <translation>エイリアスアドレス %1 の削除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The alias address %1</source>
        <translation>エイリアスアドレス %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+39"/>
        <source>change alias domains</source>
        <translation>エイリアスドメインを変更する</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>A domain cannot be an alias of itself.</source>
        <translation>ドメインを自分自身のエイリアスにすることはできません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>create the alias domain %1</source>
        <translation>エイリアスドメイン %1 の作成</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The domain %1 already exists (as a domain or an alias domain).</source>
        <translation>ドメイン %1 は既に存在します（ドメインまたはエイリアスドメインとして）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>remove the alias domain %1</source>
        <translation>エイリアスドメイン %1 の削除</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The alias domain %1</source>
        <translation>エイリアスドメイン %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>change the catch-all address</source>
        <translation>キャッチオールアドレスを変更する</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>change the catch-all of %1</source>
        <translation>%1 のキャッチオールの変更</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The catch-all of %1</source>
        <translation>%1 のキャッチオール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Catch-all address</source>
        <translation>キャッチオールの配送先アドレス</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../ui/Application.cpp" line="+23"/>
        <source>MailDeck: a desktop console for iRedMail servers.</source>
        <translation>MailDeck: iRedMail サーバー用のデスクトップ管理コンソール。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connect to this server profile.</source>
        <translation>このサーバープロファイルに接続します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>User interface language (en or ja).</source>
        <translation>ユーザーインターフェースの言語（en または ja）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a PNG of the main window once the first data has loaded, then quit.</source>
        <translation>最初のデータを読み込んだ時点でメインウィンドウの PNG 画像を書き出し、終了します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use this settings file.</source>
        <translation>この設定ファイルを使用します。</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../core/delegation/AuditLog.cpp" line="+71"/>
        <source>read the audit log</source>
        <translation>監査ログの読み込み</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>write the audit log</source>
        <translation>監査ログの書き込み</translation>
    </message>
</context>
<context>
    <name>AuthPlan</name>
    <message>
        <location filename="../../core/ssh/AuthPlan.cpp" line="+40"/>
        <source>Permission denied.</source>
        <translation>アクセスが拒否されました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Permission denied (%1).</source>
        <translation>アクセスが拒否されました（%1）。</translation>
    </message>
</context>
<context>
    <name>ChangeSet</name>
    <message>
        <location filename="../../core/config/ChangeSet.cpp" line="+202"/>
        <source>A recorded change set is damaged (file %1).</source>
        <translation>記録された変更セットが破損しています（ファイル %1）。</translation>
    </message>
    <message>
        <location filename="../../core/config/ServiceControl.cpp" line="+97"/>
        <source>Restart %1 so it reads the new settings.</source>
        <translation>%1 を再起動し、新しい設定を読み込ませます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload %1 so it reads the new configuration.</source>
        <translation>%1 をリロードし、新しい設定を読み込ませます。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Check that %1 is running.</source>
        <translation>%1 が稼働していることを確認します。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Postfix reads the new configuration without new warnings.</source>
        <translation>Postfix が新しい設定を新たな警告なしに読み込めることを確認します。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>postfix check accepts the new configuration.</source>
        <translation>postfix check で新しい設定に問題がないことを確認します。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Dovecot accepts the new configuration (doveconf exits with 0).</source>
        <translation>Dovecot が新しい設定を受け入れることを確認します（doveconf が 0 で終了すること）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The new settings.py is valid Python.</source>
        <translation>新しい settings.py が正しい Python であることを確認します。</translation>
    </message>
    <message>
        <location filename="../../core/config/ChangeSet.cpp" line="+50"/>
        <source>&quot;%1&quot; is not an absolute file path.</source>
        <translation>「%1」は絶対パスではありません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is edited twice in one change set.</source>
        <translation>%1 が 1 つの変更セット内で 2 回編集されています。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The change set changes nothing.</source>
        <translation>この変更セットでは何も変更されません。</translation>
    </message>
    <message>
        <location filename="../../core/config/ServiceControl.cpp" line="-60"/>
        <source>Dovecot reads the installed configuration.</source>
        <translation>Dovecot がインストールされた設定を読み込めることを確認します。</translation>
    </message>
    <message>
        <location filename="../../core/config/ChangeSet.cpp" line="+26"/>
        <source>Check that %1 has not changed since it was read.</source>
        <translation>読み込み後に %1 が変更されていないことを確認します。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Copy %1 to a private staging directory.</source>
        <translation>%1 を専用のステージングディレクトリにコピーします。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stage %1 with the new files for validation.</source>
        <translation>検証のため、新しいファイルを含む %1 をステージングします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the new %1 to %2.</source>
        <translation>新しい %1 を %2 に書き込みます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Write the new content to %1 with the mode and owner of %2.</source>
        <translation>%2 と同じモードと所有者で、新しい内容を %1 に書き込みます。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Back up %1.</source>
        <translation>%1 をバックアップします。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replace %1 in one step.</source>
        <translation>%1 を一括で（アトミックに）置き換えます。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Copy the backup of %1 next to it.</source>
        <translation>%1 のバックアップを同じディレクトリにコピーします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Put the old %1 back in one step.</source>
        <translation>以前の %1 を一括で（アトミックに）元に戻します。</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+1"/>
        <source>Revert: %1</source>
        <translation>元に戻す: %1</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>A recorded change set is damaged.</source>
        <translation>記録された変更セットが破損しています。</translation>
    </message>
</context>
<context>
    <name>ConfigParser</name>
    <message>
        <location filename="../../core/config/DovecotConfig.cpp" line="+74"/>
        <source>!include needs a file name.</source>
        <translation>!include にはファイル名が必要です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Expected a setting name before &apos;=&apos;.</source>
        <translation>&apos;=&apos; の前に設定名が必要です。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Expected &quot;key = value&quot;, &quot;section {&quot; or &quot;}&quot;.</source>
        <translation>「key = value」「section {」「}」のいずれかが必要です。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Expecting &apos;{&apos; after the section name (or &apos;=&apos; after a setting name).</source>
        <translation>セクション名の後には &apos;{&apos; が必要です（設定名の後なら &apos;=&apos;）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Garbage after &apos;{&apos;.</source>
        <translation>&apos;{&apos; の後に不要な文字があります。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Ambiguous &apos;#&apos; character in line, treated as a comment (Dovecot does the same).</source>
        <translation>行内の &apos;#&apos; があいまいなため、コメントとして扱いました（Dovecot も同様に扱います）。</translation>
    </message>
    <message>
        <location line="+133"/>
        <source>Unknown variable: %1</source>
        <translation>不明な変数: %1</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Unexpected &apos;}&apos;: no section is open.</source>
        <translation>予期しない &apos;}&apos; です: 開いているセクションがありません。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>!include is not followed here.</source>
        <translation>ここでは !include の参照先を読み込みません。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>!include %1: no such file (use !include_try for optional files).</source>
        <translation>!include %1: ファイルがありません（存在しなくてもよいファイルには !include_try を使用してください）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Recursive include of %1 (it includes itself through: %2).</source>
        <translation>%1 が再帰的にインクルードされています（経路: %2）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Includes are nested too deeply.</source>
        <translation>インクルードの入れ子が深すぎます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot read %1.</source>
        <translation>%1 を読み込めません。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Missing &apos;}&apos;: the section &quot;%1&quot; opened here is never closed.</source>
        <translation>&apos;}&apos; がありません: ここで開始したセクション「%1」が閉じられていません。</translation>
    </message>
    <message>
        <location line="+307"/>
        <location filename="../../core/config/PostfixMainCf.cpp" line="+27"/>
        <location filename="../../core/config/PostfixMasterCf.cpp" line="+191"/>
        <source>The value must not contain a line break or a NUL character.</source>
        <translation>値に改行や NUL 文字を含めることはできません。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>This line does not set %1 (has the file changed?).</source>
        <translation>この行は %1 を設定していません（ファイルが変更されていませんか?）。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&quot;%1&quot; is not a setting name.</source>
        <translation>「%1」は設定名ではありません。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The file ends inside a section; the setting cannot be appended.</source>
        <translation>ファイルがセクションの途中で終わっているため、設定を追加できません。</translation>
    </message>
    <message>
        <location line="-698"/>
        <location filename="../../core/config/IredapdSettings.cpp" line="+487"/>
        <location line="+8"/>
        <location filename="../../core/config/PostfixMainCf.cpp" line="+33"/>
        <location filename="../../core/config/PostfixMasterCf.cpp" line="-43"/>
        <source>The line contains a NUL byte.</source>
        <translation>この行には NUL バイトが含まれています。</translation>
    </message>
    <message>
        <location filename="../../core/config/PostfixMainCf.cpp" line="+7"/>
        <source>The line starts with white space, but no parameter precedes it.</source>
        <translation>この行は空白で始まっていますが、前にパラメーターがありません。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Expected &quot;name = value&quot;, but there is no &apos;=&apos;.</source>
        <translation>「name = value」の形式が必要ですが、&apos;=&apos; がありません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+162"/>
        <location filename="../../core/config/PostfixMasterCf.cpp" line="+35"/>
        <source>&quot;%1&quot; is not a parameter name.</source>
        <translation>「%1」はパラメーター名ではありません。</translation>
    </message>
    <message>
        <location filename="../../core/config/IredapdSettings.cpp" line="-465"/>
        <source>Unexpected text after the value: %1</source>
        <translation>値の後に予期しないテキストがあります: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The value is nested too deeply.</source>
        <translation>値の入れ子が深すぎます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A value is missing.</source>
        <translation>値がありません。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>&quot;%1&quot; is not a literal.</source>
        <translation>「%1」はリテラルではありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unexpected character &apos;%1&apos;.</source>
        <translation>予期しない文字 &apos;%1&apos; です。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Not a number.</source>
        <translation>数値ではありません。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not a number: %1</source>
        <translation>数値ではありません: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+8"/>
        <source>The string is not terminated.</source>
        <translation>文字列が閉じられていません。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Bad escape in a string.</source>
        <translation>文字列内のエスケープが不正です。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Expected &apos;,&apos; or &apos;%1&apos;.</source>
        <translation>&apos;,&apos; または &apos;%1&apos; が必要です。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Expected &apos;:&apos; in a dict.</source>
        <translation>dict 内に &apos;:&apos; が必要です。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Expected &apos;,&apos; or &apos;}&apos;.</source>
        <translation>&apos;,&apos; または &apos;}&apos; が必要です。</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>The string that starts here is not terminated.</source>
        <translation>ここで始まる文字列が閉じられていません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unmatched &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; の対応が取れていません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The &apos;%1&apos; opened here is never closed.</source>
        <translation>ここで開いた &apos;%1&apos; が閉じられていません。</translation>
    </message>
    <message>
        <location line="+186"/>
        <source>Trusted client addresses (IPs, wildcards, CIDR networks); 127.0.0.1 and ::1 are always trusted.</source>
        <translation>信頼するクライアントアドレス（IP アドレス、ワイルドカード、CIDR ネットワーク）。127.0.0.1 と ::1 は常に信頼されます。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>An unauthenticated sender in a local domain is treated as forged.</source>
        <translation>ローカルドメインの未認証の送信者を、なりすましとして扱います。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Before rejecting a forged sender, allow the client if the sender domain&apos;s SPF record lists its IP address.</source>
        <translation>なりすまし送信者を拒否する前に、送信者ドメインの SPF レコードにクライアントの IP アドレスが含まれていれば許可します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Authenticated users or domains that may send as any address.</source>
        <translation>任意のアドレスで送信できる認証済みユーザーまたはドメイン。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Members of a mailing list or alias may send as the list&apos;s address.</source>
        <translation>メーリングリストやエイリアスのメンバーが、そのアドレスを送信者として送信できるようにします。</translation>
    </message>
    <message>
        <location line="+68"/>
        <location filename="../../core/config/PostfixMainCf.cpp" line="-148"/>
        <source>%1 is set again; the value at line %2 is ignored.</source>
        <translation>%1 が再度設定されています。%2 行目の値は無視されます。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>&quot;%1&quot; is not a valid setting name.</source>
        <translation>「%1」は有効な設定名ではありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only plain values (True/False, numbers, text, lists) can be written.</source>
        <translation>書き込めるのは単純な値（True/False、数値、テキスト、リスト）だけです。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is extended with &quot;+=&quot; here; change it by hand.</source>
        <translation>%1 はここで「+=」により追記されています。手動で変更してください。</translation>
    </message>
    <message>
        <location filename="../../core/config/PostfixMainCf.cpp" line="+215"/>
        <location filename="../../core/config/PostfixMasterCf.cpp" line="+171"/>
        <source>Unexpected output line: %1</source>
        <translation>予期しない出力行: %1</translation>
    </message>
    <message>
        <location filename="../../core/config/PostfixMasterCf.cpp" line="-300"/>
        <source>Missing &apos;}&apos; after &apos;{&apos;.</source>
        <translation>&apos;{&apos; の後に &apos;}&apos; がありません。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>A service needs 8 fields (service type private unpriv chroot wakeup maxproc command), but this line has %1.</source>
        <translation>サービスには 8 個のフィールド（service type private unpriv chroot wakeup maxproc command）が必要ですが、この行のフィールドは %1 個です。</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>The line starts with white space, but no service precedes it.</source>
        <translation>この行は空白で始まっていますが、前にサービスがありません。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The value has unbalanced &apos;{&apos; and &apos;}&apos;.</source>
        <translation>値の &apos;{&apos; と &apos;}&apos; の対応が取れていません。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The service %1 is defined again (first at line %2).</source>
        <translation>サービス %1 が再定義されています（最初の定義は %2 行目）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+42"/>
        <source>master.cf has no service %1 of type %2.</source>
        <translation>master.cf にはタイプ %2 のサービス %1 がありません。</translation>
    </message>
</context>
<context>
    <name>ConnectionFile</name>
    <message>
        <location filename="../../core/profiles/ConnectionFile.cpp" line="+75"/>
        <location line="+22"/>
        <location line="+14"/>
        <source>“%1” is missing.</source>
        <translation>「%1」がありません。</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>“%1” must be a string.</source>
        <translation>「%1」は文字列でなければなりません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is longer than %2 characters.</source>
        <translation>「%1」が %2 文字を超えています。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” contains control characters.</source>
        <translation>「%1」に制御文字が含まれています。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“%1” is empty or has spaces around it.</source>
        <translation>「%1」が空か、前後に空白があります。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“%1” must be a port number from 1 to 65535.</source>
        <translation>「%1」は 1 から 65535 のポート番号でなければなりません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>“%1” must be an object.</source>
        <translation>「%1」はオブジェクトでなければなりません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Unknown field “%1”.</source>
        <translation>不明なフィールド「%1」があります。</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The file is larger than %1 KiB: it is no MailDeck connection file.</source>
        <translation>ファイルが %1 KiB を超えています。MailDeck の接続ファイルではありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file is empty.</source>
        <translation>ファイルが空です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file contains NUL bytes: it is no MailDeck connection file.</source>
        <translation>ファイルに NUL バイトが含まれています。MailDeck の接続ファイルではありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file is not valid JSON (at byte %1: %2).</source>
        <translation>ファイルが有効な JSON ではありません (%1 バイト目: %2)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is no MailDeck connection file (no JSON object).</source>
        <translation>ファイルは MailDeck の接続ファイルではありません (JSON オブジェクトがありません)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The file is no MailDeck connection file (“format” is not “%1”).</source>
        <translation>ファイルは MailDeck の接続ファイルではありません (「format」が「%1」ではありません)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>“version” must be a whole number from 1.</source>
        <translation>「version」は 1 以上の整数でなければなりません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The connection file has version %1; this MailDeck reads version %2. Update MailDeck.</source>
        <translation>接続ファイルのバージョンは %1 ですが、この MailDeck が読めるのはバージョン %2 です。MailDeck を更新してください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>“role” must be “delegated”; a connection file never gives global admin access.</source>
        <translation>「role」は「delegated」でなければなりません。接続ファイルがグローバル管理者の権限を与えることはありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“profileName” must not contain “/” or “\”.</source>
        <translation>「profileName」に「/」や「\」を含めることはできません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“admin” must be an e-mail address.</source>
        <translation>「admin」はメールアドレスでなければなりません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“ssh.host” must be a host name or an IP address.</source>
        <translation>「ssh.host」はホスト名か IP アドレスでなければなりません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“ssh.user” must be a MailDeck forward-only account name (md_…).</source>
        <translation>「ssh.user」は MailDeck の転送専用アカウント名 (md_…) でなければなりません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>“ssh.hostKey” is not a valid host key: %1</source>
        <translation>「ssh.hostKey」は有効なホスト鍵ではありません: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“ssh.hostKey.fingerprint” does not match the public key in the file: the file was altered or damaged.</source>
        <translation>「ssh.hostKey.fingerprint」がファイル内の公開鍵と一致しません。ファイルが改変されたか破損しています。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>“database.host” must be a host name or an IP address.</source>
        <translation>「database.host」はホスト名か IP アドレスでなければなりません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“database.name” may hold only letters, digits and “_”.</source>
        <translation>「database.name」には英字、数字、「_」だけを使えます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>“database.user” must be a MailDeck delegated account name (md_…).</source>
        <translation>「database.user」は MailDeck の委任アカウント名 (md_…) でなければなりません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+111"/>
        <source>Could not read %1: %2</source>
        <translation>%1 を読み取れませんでした: %2</translation>
    </message>
    <message>
        <location line="-101"/>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The profile name must not contain “/”, “\” or control characters.</source>
        <translation>プロファイル名に「/」、「\」、制御文字を含めることはできません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A profile named “%1” exists already.</source>
        <translation>「%1」という名前のプロファイルは既にあります。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 marks this host key of %2 as revoked; it is not imported.</source>
        <translation>%1 では %2 のこのホスト鍵が失効扱いになっています。インポートしません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 already holds a different %2 key for %3. Either the server&apos;s key changed or the connection file is not genuine; ask the server&apos;s admin before removing the old entry.</source>
        <translation>%1 には %3 の別の %2 鍵が既にあります。サーバーの鍵が変わったか、接続ファイルが本物ではありません。古い項目を削除する前にサーバーの管理者に確認してください。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Could not write the host key to %1: %2</source>
        <translation>ホスト鍵を %1 に書き込めませんでした: %2</translation>
    </message>
</context>
<context>
    <name>Csv</name>
    <message>
        <location filename="../../core/db/Csv.cpp" line="+97"/>
        <source>Line %1, column %2: unexpected text after a closing quote (a quote inside a quoted field must be doubled: &quot;&quot;).</source>
        <translation>%1 行目 %2 列: 閉じ引用符の後に予期しないテキストがあります（引用符で囲んだフィールド内の引用符は &quot;&quot; のように 2 つ重ねてください）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Line %1, column %2: a quote inside an unquoted field. Put the whole field in quotes and double the quote.</source>
        <translation>%1 行目 %2 列: 引用符で囲まれていないフィールド内に引用符があります。フィールド全体を引用符で囲み、中の引用符は 2 つ重ねてください。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Line %1: a quoted field is not closed before the end of the file.</source>
        <translation>%1 行目: 引用符で囲んだフィールドがファイルの終わりまでに閉じられていません。</translation>
    </message>
</context>
<context>
    <name>DbWorker</name>
    <message>
        <location filename="../../core/db/DbWorker.cpp" line="+35"/>
        <location line="+163"/>
        <source>The database is not connected.</source>
        <translation>データベースに接続していません。</translation>
    </message>
    <message>
        <location line="-158"/>
        <source>The MariaDB/MySQL driver of Qt (QMYSQL) is not installed.</source>
        <translation>Qt の MariaDB/MySQL ドライバー（QMYSQL）がインストールされていません。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>connect to the database</source>
        <translation>データベースへの接続</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Access denied for database user &apos;%1&apos; at %2:%3: check the database password.</source>
        <translation>データベースユーザー &apos;%1&apos;（%2:%3）のアクセスが拒否されました。データベースのパスワードを確認してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database &apos;%1&apos; does not exist.</source>
        <translation>データベース &apos;%1&apos; は存在しません。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The connection to the database at %1:%2 is not encrypted, but the profile requires TLS.</source>
        <translation>%1:%2 のデータベースへの接続は暗号化されていませんが、プロファイルでは TLS が必須になっています。</translation>
    </message>
    <message>
        <location line="+112"/>
        <location line="+9"/>
        <source>start a transaction</source>
        <translation>トランザクションの開始</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>save the change</source>
        <translation>変更の保存</translation>
    </message>
</context>
<context>
    <name>DelegatedAccounts</name>
    <message>
        <location filename="../../core/delegation/DelegatedAccounts.cpp" line="+21"/>
        <source>%1 is not a MailDeck delegated account name.</source>
        <translation>%1 は MailDeck の委任アカウント名ではありません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>check the delegation schema</source>
        <translation>委任スキーマの確認</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delegation is not installed on this server.</source>
        <translation>このサーバーには委任機能がインストールされていません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>read the database accounts</source>
        <translation>データベースアカウントの読み込み</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>read the account mapping</source>
        <translation>アカウント対応付けの読み込み</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no delegated account %1.</source>
        <translation>委任アカウント %1 はありません。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>reset the account&apos;s privileges</source>
        <translation>アカウント権限のリセット</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>grant the delegation procedures</source>
        <translation>委任プロシージャの権限付与</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>grant the delegation views</source>
        <translation>委任ビューの権限付与</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+6"/>
        <source>look up the admin</source>
        <translation>管理者の検索</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is not a domain admin (global admins do not get a delegated account).</source>
        <translation>%1 はドメイン管理者ではありません（グローバル管理者には委任アカウントを作成しません）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 already has a database account.</source>
        <translation>%1 には既にデータベースアカウントがあります。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+143"/>
        <source>remove the database account</source>
        <translation>データベースアカウントの削除</translation>
    </message>
    <message>
        <location line="-140"/>
        <location line="+122"/>
        <source>remove the account mapping</source>
        <translation>アカウント対応付けの削除</translation>
    </message>
    <message>
        <location line="-111"/>
        <source>map the database account</source>
        <translation>データベースアカウントの対応付け</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>create the database account</source>
        <translation>データベースアカウントの作成</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>change the account mapping</source>
        <translation>アカウント対応付けの変更</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>lock or unlock the database account</source>
        <translation>データベースアカウントのロックまたはロック解除</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>change the account&apos;s password</source>
        <translation>アカウントのパスワード変更</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>list the account&apos;s sessions</source>
        <translation>アカウントのセッション一覧の取得</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>list the delegated accounts</source>
        <translation>委任アカウント一覧の取得</translation>
    </message>
</context>
<context>
    <name>DelegatedCalls</name>
    <message>
        <location filename="../../core/delegation/DelegatedCalls.cpp" line="+28"/>
        <source>Unknown server procedure.</source>
        <translation>不明なサーバープロシージャです。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>list your domains</source>
        <translation>担当ドメイン一覧の取得</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>identify your account</source>
        <translation>アカウントの識別</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>create the mailbox</source>
        <translation>メールボックスの作成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>change the mailbox</source>
        <translation>メールボックスの変更</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>change the quota</source>
        <translation>容量制限の変更</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>change the password</source>
        <translation>パスワードの変更</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>delete the mailbox</source>
        <translation>メールボックスの削除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>add the forwarding</source>
        <translation>転送の追加</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>remove the forwarding</source>
        <translation>転送の削除</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>change the local copy setting</source>
        <translation>ローカルコピー設定の変更</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>create the alias</source>
        <translation>エイリアスの作成</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>change the alias</source>
        <translation>エイリアスの変更</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>delete the alias</source>
        <translation>エイリアスの削除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>add the member</source>
        <translation>メンバーの追加</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>remove the member</source>
        <translation>メンバーの削除</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>create the mailing list</source>
        <translation>メーリングリストの作成</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>change the mailing list</source>
        <translation>メーリングリストの変更</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>delete the mailing list</source>
        <translation>メーリングリストの削除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>add the moderator</source>
        <translation>モデレーターの追加</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>remove the moderator</source>
        <translation>モデレーターの削除</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>add the owner</source>
        <translation>オーナーの追加</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>remove the owner</source>
        <translation>オーナーの削除</translation>
    </message>
</context>
<context>
    <name>DelegatedData</name>
    <message>
        <location filename="../../core/delegation/DelegatedData.cpp" line="+159"/>
        <source>list the mailboxes</source>
        <translation>メールボックスの一覧取得</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>read the aliases</source>
        <translation>エイリアスの読み取り</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>list your domains</source>
        <translation>担当ドメインの一覧取得</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>read the domain</source>
        <translation>ドメインの読み取り</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The domain %1</source>
        <translation>ドメイン %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+63"/>
        <source>The mailbox %1</source>
        <translation>メールボックス %1</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>turn off mail services</source>
        <translation>メールサービスを無効にする</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>store a ready-made password hash</source>
        <translation>作成済みのパスワードハッシュを保存する</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>change the mail services</source>
        <translation>メールサービスを変更する</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>change the employee ID, department or allowed networks</source>
        <translation>社員番号・部署・許可ネットワークを変更する</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>list the aliases of %1</source>
        <translation>%1 のエイリアスの一覧取得</translation>
    </message>
    <message>
        <location line="+72"/>
        <location line="+31"/>
        <location line="+19"/>
        <source>The alias %1</source>
        <translation>エイリアス %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>read the forwarding of %1</source>
        <translation>%1 の転送設定の読み取り</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>The forwarding of %1</source>
        <translation>%1 の転送設定</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>read the mailing lists</source>
        <translation>メーリングリストの読み取り</translation>
    </message>
    <message>
        <location line="+63"/>
        <location line="+95"/>
        <source>The mailing list %1</source>
        <translation>メーリングリスト %1</translation>
    </message>
</context>
<context>
    <name>DelegationSchema</name>
    <message>
        <location filename="../../core/delegation/DelegationSchema.cpp" line="+84"/>
        <source>Could not %1: the server refused it (%2).</source>
        <translation>%1に失敗しました: サーバーが拒否しました（%2）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>list the delegation procedures</source>
        <translation>委任プロシージャ一覧の取得</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>list the delegation views</source>
        <translation>委任ビュー一覧の取得</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>check the delegation account</source>
        <translation>委任アカウントの確認</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>read the delegation schema version</source>
        <translation>委任スキーマのバージョンの読み込み</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+28"/>
        <source>check the server&apos;s accounts</source>
        <translation>サーバーのアカウントの確認</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The database server has anonymous accounts (&apos;&apos;@host). With them a client could pose as a domain admin&apos;s account name. Remove them first (mariadb-secure-installation does), then install delegation.</source>
        <translation>データベースサーバーに匿名アカウント（&apos;&apos;@host）があります。これがあると、クライアントがドメイン管理者のアカウント名になりすますことができます。先に匿名アカウントを削除してから（mariadb-secure-installation で削除できます）、委任機能をインストールしてください。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>check the vmail database</source>
        <translation>vmail データベースの確認</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The vmail database has no table %1; this does not look like an iRedMail server with MariaDB.</source>
        <translation>vmail データベースにテーブル %1 がありません。MariaDB を使用する iRedMail サーバーではないようです。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Installing step %1 of the delegation schema failed at statement %2: %3</source>
        <translation>委任スキーマのステップ %1 のインストールが、ステートメント %2 で失敗しました: %3</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>record the delegation schema version</source>
        <translation>委任スキーマのバージョンの記録</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+13"/>
        <source>create the delegation schema</source>
        <translation>委任スキーマの作成</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>create the delegation account</source>
        <translation>委任アカウントの作成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lock the delegation account</source>
        <translation>委任アカウントのロック</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Delegation is not installed on this server.</source>
        <translation>このサーバーには委任機能がインストールされていません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server&apos;s delegation schema (version %1) is newer than this MailDeck knows (version %2). Update MailDeck.</source>
        <translation>サーバーの委任スキーマ（バージョン %1）は、この MailDeck が対応するバージョン（%2）より新しいものです。MailDeck を更新してください。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The delegation schema step %1 on the server differs from the one this MailDeck carries. Reinstall delegation.</source>
        <translation>サーバー上の委任スキーマのステップ %1 が、この MailDeck に含まれるものと異なります。委任機能を再インストールしてください。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>check schema</source>
        <translation>スキーマの確認</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>remove the delegation schema</source>
        <translation>委任スキーマの削除</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>remove the delegation account</source>
        <translation>委任アカウントの削除</translation>
    </message>
</context>
<context>
    <name>DomainAdmins</name>
    <message>
        <location filename="../../core/delegation/DomainAdmins.cpp" line="+59"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>look up the admin</source>
        <translation>管理者の検索</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 is a global admin; MailDeck does not change global admins here.</source>
        <translation>%1 はグローバル管理者です。MailDeck ではここでグローバル管理者を変更しません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not a domain admin.</source>
        <translation>%1 はドメイン管理者ではありません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>look up the domain</source>
        <translation>ドメインの検索</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There is no domain %1 on this server.</source>
        <translation>このサーバーにはドメイン %1 がありません。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+154"/>
        <source>give the domain</source>
        <translation>ドメインの割り当て</translation>
    </message>
    <message>
        <location line="-136"/>
        <source>check the admin&apos;s domain</source>
        <translation>管理者のドメインの確認</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A standalone admin&apos;s address must not be in a domain of this server (iRedAdmin refuses it). Use a mail user of the domain instead (promote the mailbox), or an outside address.</source>
        <translation>独立した管理者のアドレスを、このサーバーのドメインのアドレスにすることはできません（iRedAdmin でも拒否されます）。代わりにそのドメインのメールユーザーを使用する（メールボックスを管理者に昇格する）か、外部のアドレスを使用してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The language must look like en_US.</source>
        <translation>言語は en_US のような形式で指定してください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>check the admin</source>
        <translation>管理者の確認</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is already an admin %1.</source>
        <translation>管理者 %1 は既に存在します。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>create the admin</source>
        <translation>管理者の作成</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 is already an admin.</source>
        <translation>%1 は既に管理者です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>make the user an admin</source>
        <translation>ユーザーの管理者への昇格</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no mailbox %1.</source>
        <translation>メールボックス %1 はありません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+35"/>
        <source>check the admin&apos;s domains</source>
        <translation>管理者の担当ドメインの確認</translation>
    </message>
    <message>
        <location line="+39"/>
        <location line="+9"/>
        <location line="+7"/>
        <source>take the domain away</source>
        <translation>ドメインの割り当て解除</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+7"/>
        <source>change the admin</source>
        <translation>管理者の変更</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+5"/>
        <location line="+7"/>
        <source>delete the admin</source>
        <translation>管理者の削除</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>list the domain admins</source>
        <translation>ドメイン管理者一覧の取得</translation>
    </message>
</context>
<context>
    <name>DomainName</name>
    <message>
        <location filename="../../core/db/EmailAddress.cpp" line="+66"/>
        <source>The domain name</source>
        <translation>ドメイン名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The domain name is empty.</source>
        <translation>ドメイン名が空です。</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>A domain name must not contain @.</source>
        <translation>ドメイン名に @ を含めることはできません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The domain name must not start or end with a dot or contain two dots in a row.</source>
        <translation>ドメイン名の先頭や末尾にドットを置いたり、ドットを 2 つ続けたりすることはできません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+25"/>
        <source>The part &quot;%1…&quot; of the domain name is longer than %2 characters.</source>
        <translation>ドメイン名の「%1…」の部分が %2 文字を超えています。</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>&quot;%1&quot; is not a valid domain name (letters, digits and hyphens, or an internationalised name).</source>
        <translation>「%1」は有効なドメイン名ではありません（英字、数字、ハイフン、または国際化ドメイン名を使用してください）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The domain name is too long: %1 characters in its stored (punycode) form; at most %2 are allowed.</source>
        <translation>ドメイン名が長すぎます: 保存形式（punycode）で %1 文字あります。上限は %2 文字です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The domain name needs at least two parts, like example.com.</source>
        <translation>ドメイン名は example.com のように 2 つ以上の部分から構成してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The domain name has an empty part.</source>
        <translation>ドメイン名に空の部分があります。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The domain name may contain only letters, digits, hyphens and dots (the character %1 is not allowed).</source>
        <translation>ドメイン名に使用できるのは英字、数字、ハイフン、ドットだけです（文字 %1 は使用できません）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A part of the domain name must not start or end with a hyphen.</source>
        <translation>ドメイン名の各部分の先頭や末尾にハイフンを置くことはできません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The last part of the domain name must not be a number (IP addresses are not mail domains here).</source>
        <translation>ドメイン名の最後の部分を数字にすることはできません（IP アドレスはメールドメインとして扱えません）。</translation>
    </message>
</context>
<context>
    <name>DomainRepository</name>
    <message>
        <location filename="../../core/db/DomainRepository.cpp" line="+168"/>
        <source>count the rows of %1</source>
        <translation>%1 の行数の取得</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list the mailboxes</source>
        <translation>メールボックス一覧の取得</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>list the mailing lists</source>
        <translation>メーリングリスト一覧の取得</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>count references to the domain</source>
        <translation>ドメインへの参照数の取得</translation>
    </message>
    <message>
        <location line="+24"/>
        <location line="+15"/>
        <source>list the domains</source>
        <translation>ドメイン一覧の取得</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>count the mailboxes and aliases</source>
        <translation>メールボックスとエイリアスを数える</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>sum up the quotas</source>
        <translation>容量の合計を求める</translation>
    </message>
    <message>
        <location line="+59"/>
        <location line="+124"/>
        <source>read the domain</source>
        <translation>ドメインの読み込み</translation>
    </message>
    <message>
        <location line="-120"/>
        <location line="+63"/>
        <location line="+2"/>
        <location line="+42"/>
        <location line="+17"/>
        <location line="+20"/>
        <location line="+11"/>
        <source>The domain %1</source>
        <translation>ドメイン %1</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>create domains</source>
        <translation>ドメインを作成する</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>create the domain %1</source>
        <translation>ドメイン %1 の作成</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The domain %1 already exists (as a domain or an alias domain).</source>
        <translation>ドメイン %1 は既に存在します（ドメインまたはエイリアスドメインとして）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>change a domain&apos;s settings and limits</source>
        <translation>ドメインの設定や上限を変更する</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>change the domain %1</source>
        <translation>ドメイン %1 の変更</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Limits must be 0 (unlimited) or a positive number; the mailbox limit may also be -1 (no new mailboxes).</source>
        <translation>上限は 0（無制限）または正の数で指定してください。メールボックス数の上限には -1（新規作成不可）も指定できます。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>enable or disable a domain</source>
        <translation>ドメインを有効・無効にする</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>enable the domain %1</source>
        <translation>ドメイン %1 の有効化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disable the domain %1</source>
        <translation>ドメイン %1 の無効化</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+13"/>
        <source>delete domains</source>
        <translation>ドメインを削除する</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>delete the domain %1</source>
        <translation>ドメイン %1 の削除</translation>
    </message>
</context>
<context>
    <name>EmailAddress</name>
    <message>
        <location filename="../../core/db/EmailAddress.cpp" line="-115"/>
        <source>The address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The address is empty.</source>
        <translation>アドレスが空です。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 is too long (%2 characters; at most %3 are allowed).</source>
        <translation>%1が長すぎます（%2 文字。上限は %3 文字です）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 contains an invisible control character (such as a line break or tab) at position %2.</source>
        <translation>%1の %2 文字目に、目に見えない制御文字（改行やタブなど）が含まれています。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 must not contain quotes (%2 at position %3).</source>
        <translation>%1に引用符を含めることはできません（%3 文字目の %2）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 must not contain the character %2 (position %3).</source>
        <translation>%1に文字 %2 を含めることはできません（%3 文字目）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 must not contain spaces (position %2).</source>
        <translation>%1に空白を含めることはできません（%2 文字目）。</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>The address needs an @ between the user name and the domain.</source>
        <translation>アドレスには、ユーザー名とドメインの間に @ が必要です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The address contains more than one @.</source>
        <translation>アドレスに @ が複数含まれています。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The part before the @ is empty.</source>
        <translation>@ の前の部分が空です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The part before the @ is too long (%1 characters; at most %2 are allowed).</source>
        <translation>@ の前の部分が長すぎます（%1 文字。上限は %2 文字です）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The character %1 is not allowed before the @; use letters a–z, digits and . _ - + =.</source>
        <translation>@ の前に文字 %1 は使用できません。英字 a–z、数字、および . _ - + = を使用してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The part before the @ must not start or end with a dot or contain two dots in a row.</source>
        <translation>@ の前の部分の先頭や末尾にドットを置いたり、ドットを 2 つ続けたりすることはできません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The part after the @ (the domain) is empty.</source>
        <translation>@ の後の部分（ドメイン）が空です。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The address is too long: %1 characters in its stored (punycode) form; at most %2 are allowed.</source>
        <translation>アドレスが長すぎます: 保存形式（punycode）で %1 文字あります。上限は %2 文字です。</translation>
    </message>
</context>
<context>
    <name>ForwardOnlyAccounts</name>
    <message>
        <location filename="../../core/delegation/ForwardOnlyAccount.cpp" line="+98"/>
        <source>The server already has a user or home directory named %1 that MailDeck did not make: %2</source>
        <translation>サーバーには MailDeck が作成したものではない %1 という名前のユーザーまたはホームディレクトリが既にあります: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server has no forward-only account %1 made by MailDeck (%2).</source>
        <translation>サーバーに MailDeck が作成した転送専用アカウント %1 はありません (%2)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 failed on the server (exit status %2): %3</source>
        <translation>サーバーで%1に失敗しました (終了ステータス %2): %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>There is no SSH session to the server.</source>
        <translation>サーバーへの SSH セッションがありません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>“%1” is not a valid admin name.</source>
        <translation>「%1」は有効な管理者名ではありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No valid system user name can be made from “%1”.</source>
        <translation>「%1」から有効なシステムユーザー名を作れません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server path “%1” is not usable.</source>
        <translation>サーバーのパス「%1」は使用できません。</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>The public key is empty.</source>
        <translation>公開鍵が空です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The public key is too long.</source>
        <translation>公開鍵が長すぎます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The public key must be a single line (one key).</source>
        <translation>公開鍵は 1 行 (鍵 1 つ) でなければなりません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public key contains control characters.</source>
        <translation>公開鍵に制御文字が含まれています。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a private key. Give the public key (the .pub file) only.</source>
        <translation>これは秘密鍵です。公開鍵 (.pub ファイル) だけを指定してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The public key must look like “ssh-ed25519 AAAA… comment”.</source>
        <translation>公開鍵は「ssh-ed25519 AAAA… コメント」の形式でなければなりません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” is not a supported key type (or the line has options in front of the key).</source>
        <translation>「%1」は対応している鍵の種類ではありません (または鍵の前にオプションがあります)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+4"/>
        <source>The key data is not valid base64.</source>
        <translation>鍵データが有効な base64 ではありません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>The key data does not hold a %1 key.</source>
        <translation>鍵データに %1 の鍵が含まれていません。</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>AllowTcpForwarding is “%1”: the delegated admin could not forward to the database. Set it to “local” (or “yes”), at least in a Match User block for %2.</source>
        <translation>AllowTcpForwarding が「%1」です。委任管理者はデータベースへ転送できません。少なくとも %2 の Match User ブロックで「local」(または「yes」) にしてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>DisableForwarding is on: every forward, the database one too, is refused.</source>
        <translation>DisableForwarding が有効です。データベースへの転送も含め、すべての転送が拒否されます。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>PermitOpen (%1) does not allow %2: the forward to the database would be refused.</source>
        <translation>PermitOpen (%1) は %2 を許可していません。データベースへの転送が拒否されます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>AllowStreamLocalForwarding is “%1” for %2: the account could reach Unix sockets on the server. Let MailDeck add its sshd block first (admin ssh-account prepare-server).</source>
        <translation>%2 の AllowStreamLocalForwarding が「%1」です。このアカウントがサーバーの Unix ソケットに到達できてしまいます。先に MailDeck の sshd ブロックを追加してください (admin ssh-account prepare-server)。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PubkeyAuthentication is off: the delegated admin logs in with a key only.</source>
        <translation>PubkeyAuthentication が無効です。委任管理者は鍵でのみログインします。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>AuthorizedKeysFile (%1) does not read ~/.ssh/authorized_keys, where MailDeck puts the admin&apos;s key.</source>
        <translation>AuthorizedKeysFile (%1) は、MailDeck が管理者の鍵を置く ~/.ssh/authorized_keys を読みません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>AllowUsers (%1) does not include %2: sshd would refuse the login.</source>
        <translation>AllowUsers (%1) に %2 が含まれていません。sshd がログインを拒否します。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>AllowGroups (%1) does not include the group %2: sshd would refuse the login.</source>
        <translation>AllowGroups (%1) にグループ %2 が含まれていません。sshd がログインを拒否します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DenyUsers (%1) shuts out %2.</source>
        <translation>DenyUsers (%1) が %2 を締め出しています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>DenyGroups (%1) shuts out the group %2.</source>
        <translation>DenyGroups (%1) がグループ %2 を締め出しています。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The user name or the sshd paths are not usable.</source>
        <translation>ユーザー名または sshd のパスが使用できません。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Could not read the effective sshd settings (%1 -T -f %2): %3</source>
        <translation>有効な sshd の設定を読み取れませんでした (%1 -T -f %2): %3</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+269"/>
        <source>The sshd paths are not usable.</source>
        <translation>sshd のパスが使用できません。</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Adding MailDeck&apos;s block to %1</source>
        <translation>%1 への MailDeck のブロックの追加</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>“%1:%2” is not a usable database address.</source>
        <translation>「%1:%2」は使用できるデータベースのアドレスではありません。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The server&apos;s sshd settings would break the forward-only account; nothing was changed:
%1</source>
        <translation>サーバーの sshd の設定では転送専用アカウントが正しく機能しません。何も変更していません:
%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Creating the forward-only account</source>
        <translation>転送専用アカウントの作成</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Reading the forward-only account</source>
        <translation>転送専用アカウントの読み取り</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Enabling the forward-only account</source>
        <translation>転送専用アカウントの有効化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabling the forward-only account</source>
        <translation>転送専用アカウントの無効化</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Replacing the key of the forward-only account</source>
        <translation>転送専用アカウントの鍵の置き換え</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Removing the forward-only account</source>
        <translation>転送専用アカウントの削除</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Reading the server&apos;s host keys</source>
        <translation>サーバーのホスト鍵の読み取り</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The server&apos;s host keys could not be read.</source>
        <translation>サーバーのホスト鍵を読み取れませんでした。</translation>
    </message>
</context>
<context>
    <name>IredadminSettings</name>
    <message>
        <location filename="../../core/session/IredadminSettings.cpp" line="+74"/>
        <source>%1 does not set DEFAULT_PASSWORD_SCHEME, so iRedAdmin uses SSHA. MailDeck does not write that weak scheme and uses SSHA512 for new passwords.</source>
        <translation>%1 に DEFAULT_PASSWORD_SCHEME の設定がないため、iRedAdmin は SSHA を使います。MailDeck はこの弱い方式では書き込まず、新しいパスワードには SSHA512 を使います。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server&apos;s DEFAULT_PASSWORD_SCHEME is &quot;%1&quot;, which MailDeck does not write; new passwords are hashed with SSHA512.</source>
        <translation>サーバーの DEFAULT_PASSWORD_SCHEME は「%1」ですが、MailDeck はこの方式に対応していません。新しいパスワードは SSHA512 でハッシュ化します。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>iRedAdmin&apos;s settings.py was not found on the server (%1); new passwords are hashed with SSHA512, iRedMail&apos;s default.</source>
        <translation>サーバーに iRedAdmin の settings.py が見つかりません (%1)。新しいパスワードは iRedMail の既定である SSHA512 でハッシュ化します。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Could not read iRedAdmin&apos;s settings (%1); new passwords are hashed with SSHA512.</source>
        <translation>iRedAdmin の設定を読み取れませんでした (%1)。新しいパスワードは SSHA512 でハッシュ化します。</translation>
    </message>
</context>
<context>
    <name>ListAgent</name>
    <message>
        <location filename="../../core/delegation/ListAgent.cpp" line="+122"/>
        <source>send the list operation to the server</source>
        <translation>リスト操作をサーバーに送る</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The server no longer knows this list job.</source>
        <translation>サーバーはこのリストジョブをもう把握していません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The server&apos;s list agent did not take the job: it is not installed or not running. Nothing was changed. Ask the server&apos;s administrator to install or start it (Tools &gt; Domain Administrators &gt; List Agent).</source>
        <translation>サーバーのリストエージェントがジョブを受け取りませんでした。インストールされていないか、動いていません。何も変更されていません。サーバーの管理者にインストールまたは起動を依頼してください（ツール &gt; ドメイン管理者 &gt; リストエージェント）。</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>The server&apos;s list agent has not finished the job after %n minute(s); it may still finish it. Reload before you try again.</source>
        <translation>
            <numerusform>サーバーのリストエージェントは %n 分たってもジョブを終えていません。まだ終える可能性があります。やり直す前に再読み込みしてください。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Install or upgrade delegation first (the server has version %1 of MailDeck&apos;s delegation schema; the list agent needs 3).</source>
        <translation>先に委任をインストールまたはアップグレードしてください（サーバーの MailDeck 委任スキーマはバージョン %1 です。リストエージェントには 3 が必要です）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>set up the list agent&apos;s database account</source>
        <translation>リストエージェントのデータベースアカウントを設定する</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>remove the list agent&apos;s database account</source>
        <translation>リストエージェントのデータベースアカウントを削除する</translation>
    </message>
    <message>
        <location line="+159"/>
        <location line="+35"/>
        <location line="+30"/>
        <source>Not connected to the server.</source>
        <translation>サーバーに接続されていません。</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>The list agent could not be installed on the server.</source>
        <translation>サーバーにリストエージェントをインストールできませんでした。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Could not read the list agent&apos;s state.</source>
        <translation>リストエージェントの状態を読み取れませんでした。</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Could not remove the list agent.</source>
        <translation>リストエージェントを削除できませんでした。</translation>
    </message>
</context>
<context>
    <name>ListParameters</name>
    <message>
        <location filename="../../core/lists/ListParameters.cpp" line="+140"/>
        <source>%1 takes yes or no, not &quot;%2&quot;.</source>
        <translation>%1 には yes か no を指定します（&quot;%2&quot; は指定できません）。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 takes a number, not &quot;%2&quot;.</source>
        <translation>%1 には数値を指定します（&quot;%2&quot; は指定できません）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>smtp_port must be between 1 and 65535 (0: the default).</source>
        <translation>smtp_port は 1 から 65535 の間で指定します（0: 既定値）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown list setting &quot;%1&quot;. Known settings: %2.</source>
        <translation>不明なリスト設定 &quot;%1&quot; です。使用できる設定: %2。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot;: write NAME=VALUE, e.g. subject_prefix=[news].</source>
        <translation>&quot;%1&quot;: NAME=VALUE の形で指定します（例: subject_prefix=[news]）。</translation>
    </message>
</context>
<context>
    <name>ListSettings</name>
    <message>
        <location filename="../../core/lists/ListSettings.cpp" line="+127"/>
        <source>%1 &quot;%2&quot;: %3</source>
        <translation>%1「%2」: %3</translation>
    </message>
    <message>
        <location line="+155"/>
        <source>List address</source>
        <translation>リストのアドレス</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Owner</source>
        <translation>オーナー</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A mailing list needs at least one owner.</source>
        <translation>メーリングリストには 1 人以上のオーナーが必要です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moderator</source>
        <translation>モデレーター</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Moderation and moderators-only posting need at least one moderator.</source>
        <translation>モデレーションやモデレーターのみの投稿を使うには、1 人以上のモデレーターが必要です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subscription moderator</source>
        <translation>購読モデレーター</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The maximum message size must be 0 (no limit) or a number of bytes.</source>
        <translation>最大メッセージサイズは 0（無制限）またはバイト数で指定してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The SMTP port must be between 1 and 65535 (0: the default).</source>
        <translation>SMTP ポートは 1～65535 の範囲で指定してください（0: 既定値）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot;: only one line is allowed here.</source>
        <translation>「%1」: ここには 1 行しか指定できません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Custom header &quot;%1&quot;: use the form &quot;Name: value&quot;.</source>
        <translation>カスタムヘッダー「%1」: 「Name: value」の形式で指定してください。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Header to remove &quot;%1&quot;: give one header name.</source>
        <translation>削除するヘッダー「%1」: ヘッダー名を 1 つ指定してください。</translation>
    </message>
</context>
<context>
    <name>LogHistory</name>
    <message>
        <location filename="../../core/logs/LogIngest.cpp" line="+141"/>
        <source>A log file could not be opened.</source>
        <translation>ログファイルを開けませんでした。</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+19"/>
        <source>A log file could not be read.</source>
        <translation>ログファイルを読み込めませんでした。</translation>
    </message>
    <message>
        <location line="-7"/>
        <location line="+56"/>
        <source>Loading the log history was cancelled.</source>
        <translation>ログ履歴の読み込みがキャンセルされました。</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>A compressed log file could not be read.</source>
        <translation>圧縮されたログファイルを読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>A compressed log file is damaged.</source>
        <translation>圧縮されたログファイルが破損しています。</translation>
    </message>
</context>
<context>
    <name>MailboxRepository</name>
    <message>
        <location filename="../../core/db/MailboxRepository.cpp" line="+171"/>
        <source>read the forwardings</source>
        <translation>転送設定の読み込み</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>create the mailbox %1</source>
        <translation>メールボックス %1 の作成</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The domain %1 does not exist on this server. Create the domain first.</source>
        <translation>ドメイン %1 はこのサーバーに存在しません。先にドメインを作成してください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The domain %1 does not allow new mailboxes (its mailbox limit is -1).</source>
        <translation>ドメイン %1 では新しいメールボックスを作成できません（メールボックス数の上限が -1 です）。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The address %1 is already in use (by a mailbox, an alias, a forwarding or a mailing list).</source>
        <translation>アドレス %1 は既に使用されています（メールボックス、エイリアス、転送、メーリングリストのいずれか）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The domain %1 already has %2 of at most %3 mailboxes.</source>
        <translation>ドメイン %1 のメールボックスは既に %2 個あります（上限 %3 個）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+273"/>
        <source>The quota must be 0 (unlimited) or a number of megabytes.</source>
        <translation>容量制限は 0（無制限）またはメガバイト数で指定してください。</translation>
    </message>
    <message>
        <location line="-268"/>
        <source>The quota may be at most %1 MB in this domain.</source>
        <translation>このドメインの容量制限は最大 %1 MB です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The domain&apos;s quota of %1 MB would be exceeded (%2 MB are already given to mailboxes).</source>
        <translation>ドメインの容量制限 %1 MB を超えてしまいます（既に %2 MB がメールボックスに割り当てられています）。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+315"/>
        <location line="+173"/>
        <source>The password is empty.</source>
        <translation>パスワードが空です。</translation>
    </message>
    <message>
        <location line="-483"/>
        <source>The password must have at least %1 characters.</source>
        <translation>パスワードは %1 文字以上にしてください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The password may have at most %1 characters.</source>
        <translation>パスワードは %1 文字以下にしてください。</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+231"/>
        <source>Unknown mail service &quot;%1&quot;.</source>
        <translation>不明なメールサービス「%1」です。</translation>
    </message>
    <message>
        <location line="-183"/>
        <location line="+12"/>
        <source>The address %1 already exists.</source>
        <translation>アドレス %1 は既に存在します。</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+105"/>
        <location line="+64"/>
        <location line="+2"/>
        <location line="+271"/>
        <location line="+20"/>
        <source>The mailbox %1</source>
        <translation>メールボックス %1</translation>
    </message>
    <message>
        <location line="-450"/>
        <location line="+18"/>
        <source>list the mailboxes</source>
        <translation>メールボックス一覧の取得</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>read the mailbox</source>
        <translation>メールボックスの読み込み</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>change the mailbox %1</source>
        <translation>メールボックス %1 の変更</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>store a ready-made password hash</source>
        <translation>作成済みのパスワードハッシュを保存する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>change the password of %1</source>
        <translation>%1 のパスワード変更</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password hash is not in a scheme MailDeck can verify.</source>
        <translation>パスワードハッシュが、MailDeck で検証できる方式ではありません。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>enable the mailbox %1</source>
        <translation>メールボックス %1 の有効化</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disable the mailbox %1</source>
        <translation>メールボックス %1 の無効化</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>delete the mailbox %1</source>
        <translation>メールボックス %1 の削除</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>import mailboxes from a file</source>
        <translation>ファイルからメールボックスを取り込む</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Line %1: the first line must name the columns, with at least &quot;address&quot; and &quot;password&quot; (also possible: name, quota, language).</source>
        <translation>%1 行目: 1 行目には列名を記述し、少なくとも「address」と「password」を含めてください（name、quota、language も指定できます）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>The address %1 appears twice in the file.</source>
        <translation>アドレス %1 がファイル内に 2 回出現しています。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The quota &quot;%1&quot; is not a number of megabytes (0 = unlimited).</source>
        <translation>容量制限「%1」がメガバイト数ではありません（0 = 無制限）。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>read the password of %1</source>
        <translation>%1 のパスワードの読み取り</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>undo a password change</source>
        <translation>パスワードの変更を元に戻す</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>restore the password of %1</source>
        <translation>%1 のパスワードの復元</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The password of %1</source>
        <translation>%1 のパスワード</translation>
    </message>
</context>
<context>
    <name>MaildeckCli</name>
    <message>
        <location filename="../../app/cli/CliSupport.cpp" line="+33"/>
        <source>Try &apos;maildeck-cli --help&apos;.</source>
        <translation>詳しくは &apos;maildeck-cli --help&apos; を参照してください。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliCommands.cpp" line="+25"/>
        <source>SSH host name or address.</source>
        <translation>SSH のホスト名またはアドレス。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH port (default 22).</source>
        <translation>SSH ポート（既定値 22）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSH user (default root).</source>
        <translation>SSH ユーザー（既定値 root）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private key file for SSH.</source>
        <translation>SSH の秘密鍵ファイル。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>known_hosts file (default ~/.ssh/known_hosts).</source>
        <translation>known_hosts ファイル（既定値 ~/.ssh/known_hosts）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database route: tunnel (default) or direct.</source>
        <translation>データベースへの経路: tunnel（既定値）または direct。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database host as seen from the server (default 127.0.0.1).</source>
        <translation>サーバーから見たデータベースのホスト（既定値 127.0.0.1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database port (default 3306).</source>
        <translation>データベースのポート（既定値 3306）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database name (default vmail).</source>
        <translation>データベース名（既定値 vmail）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database user (default vmailadmin).</source>
        <translation>データベースユーザー（既定値 vmailadmin）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the database password from this my.cnf-style file on the server.</source>
        <translation>サーバー上のこの my.cnf 形式のファイルからデータベースのパスワードを読み込みます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --db-route direct: require TLS to the database.</source>
        <translation>--db-route direct と併用: データベースへの接続に TLS を必須にします。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM file of the CA that signed the database server&apos;s certificate (implies --db-tls; default: the system&apos;s CAs).</source>
        <translation>データベースサーバーの証明書に署名した CA の PEM ファイル（--db-tls を含意。既定: システムの CA）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server flavour: debian, rhel, freebsd, openbsd or lab.</source>
        <translation>サーバーの種類: debian、rhel、freebsd、openbsd、lab のいずれか。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Path of the mail log on the server.</source>
        <translation>サーバー上のメールログのパス。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Postfix configuration directory on the server.</source>
        <translation>サーバー上の Postfix 設定ディレクトリ。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path of dovecot.conf on the server.</source>
        <translation>サーバー上の dovecot.conf のパス。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Directory of Dovecot&apos;s logs on the server.</source>
        <translation>サーバー上の Dovecot のログディレクトリ。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Path of iRedAPD&apos;s settings.py on the server.</source>
        <translation>サーバー上の iRedAPD の settings.py のパス。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mlmmj list directory on the server.</source>
        <translation>サーバー上の mlmmj のリストディレクトリ。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command that runs postfix on the server.</source>
        <translation>サーバー上で postfix を実行するコマンド。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Command that runs dovecot on the server.</source>
        <translation>サーバー上で dovecot を実行するコマンド。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shell command that restarts iRedAPD (default: the service manager&apos;s).</source>
        <translation>iRedAPD を再起動するシェルコマンド(既定: サービスマネージャーの再起動)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shell command that exits with 0 while iRedAPD runs (default: the service manager&apos;s check).</source>
        <translation>iRedAPD の稼働中に終了コード 0 を返すシェルコマンド(既定: サービスマネージャーによる確認)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Root-only directory of MailDeck&apos;s change history on the server.</source>
        <translation>サーバー上の MailDeck 変更履歴のディレクトリ(root のみアクセス可)。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>profile add takes exactly one profile name.</source>
        <translation>profile add にはプロファイル名を 1 つだけ指定してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Unknown flavour &apos;%1&apos;.</source>
        <translation>不明なサーバーの種類 &apos;%1&apos; です。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>--port must be a number from 1 to 65535.</source>
        <translation>--port には 1～65535 の数値を指定してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>--db-port must be a number from 1 to 65535.</source>
        <translation>--db-port には 1～65535 の数値を指定してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--db-route must be &apos;tunnel&apos; or &apos;direct&apos;.</source>
        <translation>--db-route には &apos;tunnel&apos; または &apos;direct&apos; を指定してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--db-tls and --db-tls-ca need --db-route direct.</source>
        <translation>--db-tls と --db-tls-ca には --db-route direct が必要です。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A profile name cannot contain &apos;/&apos; or &apos;\&apos;.</source>
        <translation>プロファイル名に &apos;/&apos; や &apos;\&apos; を含めることはできません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved profile &apos;%1&apos;.</source>
        <translation>プロファイル &apos;%1&apos; を保存しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: the database connection of &apos;%1&apos; is not encrypted (no --db-tls); passwords and data cross the network in plain text.</source>
        <translation>警告: &apos;%1&apos; のデータベース接続は暗号化されていません（--db-tls なし）。パスワードとデータは平文でネットワークを流れます。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>profile show takes exactly one profile name.</source>
        <translation>profile show にはプロファイル名を 1 つだけ指定してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+37"/>
        <location filename="../../app/cli/CliConnection.cpp" line="+264"/>
        <source>No profile named &apos;%1&apos;.</source>
        <translation>プロファイル &apos;%1&apos; はありません。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>profile remove takes exactly one profile name.</source>
        <translation>profile remove にはプロファイル名を 1 つだけ指定してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Removed profile &apos;%1&apos;.</source>
        <translation>プロファイル &apos;%1&apos; を削除しました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create or replace a server profile.</source>
        <translation>サーバープロファイルを作成または置き換えます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the server profiles.</source>
        <translation>サーバープロファイルを一覧表示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show one server profile.</source>
        <translation>サーバープロファイルを 1 つ表示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove a server profile.</source>
        <translation>サーバープロファイルを削除します。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Report the connection&apos;s progress on stderr.</source>
        <translation>接続の進行状況を標準エラー出力に表示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust an unknown host key without asking (a changed key is always refused).</source>
        <translation>未知のホスト鍵を確認なしで信頼します（変更された鍵は常に拒否されます）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read missing passwords and passphrases from FILE (lines kind=secret; kinds ssh-password, key-passphrase, sudo-password, db-password); only its owner may read it.</source>
        <translation>キーチェーンにないパスワードとパスフレーズを FILE から読み込みます（各行は kind=secret、kind は ssh-password、key-passphrase、sudo-password、db-password のいずれか）。ファイルは所有者だけが読めるようにしてください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>exec: run the command as root (sudo unless the SSH user is root).</source>
        <translation>exec: コマンドを root として実行します（SSH ユーザーが root でなければ sudo を使います）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>exec: do not pass stdin to the command (like ssh -n).</source>
        <translation>exec: 標準入力をコマンドに渡しません（ssh -n と同様）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print JSON instead of tab-separated text.</source>
        <translation>タブ区切りのテキストの代わりに JSON を出力します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Display name (domain add, mailbox add, alias add, alias set, list create, list set).</source>
        <translation>表示名（domain add、mailbox add、alias add、alias set、list create、list set）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Description of a list (list create, list set).</source>
        <translation>リストの説明（list create、list set）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owner of a list (repeat for more; list create: default postmaster of the list&apos;s domain; list set: replaces the owners).</source>
        <translation>リストのオーナー（複数なら繰り返し指定。list create: 既定はリストのドメインの postmaster。list set: オーナーを置き換えます）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Moderator of a list or an alias (repeat for more; list create: default the owners; list set, alias set: replaces the moderators; alias set also takes *@DOMAIN).</source>
        <translation>リストまたはエイリアスのモデレーター（複数なら繰り返し指定。list create: 既定はオーナー。list set、alias set: モデレーターを置き換えます。alias set では *@DOMAIN も指定できます）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>alias set: who may send to the alias (public, domain, subdomain, membersonly, moderatorsonly, membersandmoderatorsonly).</source>
        <translation>alias set: エイリアスに送信できる人（public、domain、subdomain、membersonly、moderatorsonly、membersandmoderatorsonly）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>list set: who may post (anyone, subscribers, moderators).</source>
        <translation>list set: 投稿できる人（anyone、subscribers、moderators）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>list subscribe/unsubscribe: the subscription kind (normal, digest, nomail; unsubscribe without it: from every kind).</source>
        <translation>list subscribe/unsubscribe: 購読の種類（normal、digest、nomail。unsubscribe で省略するとすべての種類から解除）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>domain set, mailbox set, list set: change one setting by its name (repeat for more; list settings by mlmmjadmin&apos;s names, as list show prints them).</source>
        <translation>domain set、mailbox set、list set: 設定を名前で 1 つ変更します（複数なら繰り返し指定。リストの設定名は mlmmjadmin の名前で、list show が表示します）。</translation>
    </message>
    <message>
        <source>Display name (domain add, mailbox add, alias add, list create).</source>
        <translation type="vanished">表示名（domain add、mailbox add、alias add、list create）。</translation>
    </message>
    <message>
        <source>Description of a new list.</source>
        <translation type="vanished">新しいリストの説明。</translation>
    </message>
    <message>
        <source>Owner of a new list (repeat for more; default: postmaster of the list&apos;s domain).</source>
        <translation type="vanished">新しいリストのオーナー（複数指定するには繰り返します。既定値: リストのドメインの postmaster）。</translation>
    </message>
    <message>
        <source>Moderator of a new list (repeat for more; default: the owners).</source>
        <translation type="vanished">新しいリストのモデレーター（複数指定するには繰り返します。既定値: オーナー）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mailbox quota in megabytes (0: unlimited).</source>
        <translation>メールボックスのクォータ（MB 単位、0 は無制限）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the mailbox&apos;s new password from the first line of FILE.</source>
        <translation>メールボックスの新しいパスワードを FILE の 1 行目から読み込みます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read the mailbox&apos;s new password from the first line of stdin.</source>
        <translation>メールボックスの新しいパスワードを標準入力の 1 行目から読み込みます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password scheme: SSHA512, BLF-CRYPT or SHA512-CRYPT (default: iRedAdmin&apos;s DEFAULT_PASSWORD_SCHEME on the server, else SSHA512).</source>
        <translation>パスワード方式: SSHA512、BLF-CRYPT、SHA512-CRYPT のいずれか（既定値: サーバー上の iRedAdmin の DEFAULT_PASSWORD_SCHEME、なければ SSHA512）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>forward set: keep a copy in the mailbox.</source>
        <translation>forward set: メールボックスにコピーを残します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list subscribe/unsubscribe: addresses one a line from FILE (&apos;-&apos;: stdin).</source>
        <translation>list subscribe/unsubscribe: FILE から 1 行に 1 アドレスずつ読み込みます（&apos;-&apos; は標準入力）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>domain delete: really delete.</source>
        <translation>domain delete: 実際に削除します。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Commands:</source>
        <translation>コマンド:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>MailDeck command line: manage iRedMail servers from a terminal.</source>
        <translation>MailDeck コマンドライン: ターミナルから iRedMail サーバーを管理します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The command to run (see above).</source>
        <translation>実行するコマンド（上記参照）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use this settings file instead of the user&apos;s.</source>
        <translation>ユーザーの設定ファイルの代わりに、この設定ファイルを使用します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server profile to work on.</source>
        <translation>操作対象のサーバープロファイル。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No command given.</source>
        <translation>コマンドが指定されていません。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unknown command &apos;%1&apos;.</source>
        <translation>不明なコマンド &apos;%1&apos; です。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliConnection.cpp" line="-162"/>
        <source>Cannot read the secret file %1: %2</source>
        <translation>シークレットファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The secret file %1 may be read by others; make it readable by you only (chmod 600).</source>
        <translation>シークレットファイル %1 は他のユーザーが読める状態です。自分だけが読めるようにしてください（chmod 600）。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 line %2: expected kind=secret with kind one of %3.</source>
        <translation>%1 の %2 行目: kind=secret の形式で、kind は %3 のいずれかである必要があります。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The %1 given was not accepted.</source>
        <translation>指定された %1 は受け付けられませんでした。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot ask &quot;%1&quot;: stdin is not a terminal. Put the secret in a file readable only by you as a line &quot;%2=…&quot; and pass --secret-file FILE, or store it in the keychain.</source>
        <translation>「%1」を尋ねられません: 標準入力が端末ではありません。自分だけが読めるファイルに「%2=…」という行でシークレットを書き --secret-file FILE で指定するか、キーチェーンに保存してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>That was not accepted; try again.</source>
        <translation>受け付けられませんでした。もう一度入力してください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remember it in the keychain? [y/N] </source>
        <translation>キーチェーンに保存しますか？ [y/N] </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Warning: adding the %1 key %2 of %3 to %4.</source>
        <translation>警告: %3 の %1 鍵 %2 を %4 に追加します。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The host key of %1 is not known (%2 key %3). Nothing was sent. Check the fingerprint, then connect once from a terminal or pass --accept-new-host-key.</source>
        <translation>%1 のホスト鍵は未知です（%2 鍵 %3）。何も送信していません。フィンガープリントを確認してから、端末から一度接続するか --accept-new-host-key を指定してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 key fingerprint is %2.</source>
        <translation>%1 鍵のフィンガープリントは %2 です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trust this key and continue connecting? [y/N] </source>
        <translation>この鍵を信頼して接続を続けますか？ [y/N] </translation>
    </message>
    <message>
        <location line="+45"/>
        <location filename="../../app/cli/CliDataCommands.cpp" line="+157"/>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This command needs a server: add --profile NAME.</source>
        <translation>このコマンドにはサーバーが必要です: --profile NAME を指定してください。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Connecting to %1 gave no answer.</source>
        <translation>%1 への接続から応答がありませんでした。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/cli/CliAdminCommands.cpp" line="+30"/>
        <location filename="../../app/cli/CliDataCommands.cpp" line="-72"/>
        <source>%1 takes %n argument(s).</source>
        <translation>
            <numerusform>%1 の引数は %n 個です。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/cli/CliDataCommands.cpp" line="+18"/>
        <source>Unknown password scheme &apos;%1&apos;: use SSHA512, BLF-CRYPT or SHA512-CRYPT.</source>
        <translation>不明なパスワード方式 &apos;%1&apos; です: SSHA512、BLF-CRYPT、SHA512-CRYPT のいずれかを使ってください。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Password scheme %1 (from %2).</source>
        <translation>パスワード方式 %1（%2 より）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliSupport.cpp" line="+61"/>
        <source>Cannot read the password file %1: %2</source>
        <translation>パスワードファイル %1 を読み込めません: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Cannot read the password from stdin.</source>
        <translation>標準入力からパスワードを読み込めません。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliAdminCommands.cpp" line="+29"/>
        <source>The admin needs a password: pass --password-file FILE or --password-stdin.</source>
        <translation>管理者にはパスワードが必要です: --password-file FILE か --password-stdin を指定してください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server-side part of delegation is installed and up to date.</source>
        <translation>委任のサーバー側の部分をインストールし、最新の状態にしました。</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Created the domain admin %1.</source>
        <translation>ドメイン管理者 %1 を作成しました。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The admin&apos;s database account was not created:</source>
        <translation>管理者のデータベースアカウントは作成されませんでした:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 now manages %2.</source>
        <translation>%1 が %2 を管理するようになりました。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 no longer manages %2.</source>
        <translation>%1 は %2 を管理しなくなりました。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Enabled the domain admin %1.</source>
        <translation>ドメイン管理者 %1 を有効にしました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabled the domain admin %1; their open sessions were ended.</source>
        <translation>ドメイン管理者 %1 を無効にし、開いているセッションを終了しました。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>admin delete removes the admin, their database account and their SSH account: add --yes.</source>
        <translation>admin delete は管理者とそのデータベースアカウント、SSH アカウントを削除します: --yes を付けてください。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Deleted the domain admin %1.</source>
        <translation>ドメイン管理者 %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Give the admin&apos;s public key: --key FILE (the .pub file).</source>
        <translation>管理者の公開鍵を指定してください: --key FILE (.pub ファイル)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot read the key file %1: %2</source>
        <translation>鍵ファイル %1 を読み取れません: %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Created the forward-only SSH account %1 (forwards to %2 only).</source>
        <translation>転送専用の SSH アカウント %1 を作成しました (転送先は %2 のみ)。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Added MailDeck&apos;s block for forward-only accounts to %1 and reloaded sshd.</source>
        <translation>転送専用アカウント用の MailDeck のブロックを %1 に追加し、sshd に再読み込みさせました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 already has MailDeck&apos;s block for forward-only accounts.</source>
        <translation>%1 には転送専用アカウント用の MailDeck のブロックが既にあります。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The database account %1 is ready (password in %2 on the server); profile %3 now uses it.</source>
        <translation>データベースアカウント %1 の準備ができました（パスワードはサーバー上の %2 にあります）。プロファイル %3 は今後このアカウントを使います。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The list agent is installed and running: per-domain admins can manage the mailing lists of their domains.</source>
        <translation>リストエージェントはインストールされ、動いています。ドメイン管理者は自分のドメインのメーリングリストを管理できます。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The list agent is not installed.</source>
        <translation>リストエージェントはインストールされていません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list agent runs (%1).</source>
        <translation>リストエージェントは動いています（%1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The list agent is installed but not running (%1).</source>
        <translation>リストエージェントはインストールされていますが、動いていません（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its files are this MailDeck&apos;s (%1).</source>
        <translation>ファイルはこの MailDeck のものです（%1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its files (%1) are not this MailDeck&apos;s (%2): run admin list-agent install.</source>
        <translation>ファイル（%1）はこの MailDeck のもの（%2）ではありません。admin list-agent install を実行してください。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The list agent is removed: per-domain admins can no longer change mailing lists.</source>
        <translation>リストエージェントを削除しました。ドメイン管理者はメーリングリストを変更できなくなりました。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1 has no forward-only SSH account.</source>
        <translation>%1 には転送専用の SSH アカウントがありません。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Replaced the key of %1&apos;s SSH account.</source>
        <translation>%1 の SSH アカウントの鍵を置き換えました。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Removed %1&apos;s SSH account.</source>
        <translation>%1 の SSH アカウントを削除しました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>admin export-connection needs --out FILE.</source>
        <translation>admin export-connection には --out FILE が必要です。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 has no forward-only SSH account yet: run admin ssh-account create first.</source>
        <translation>%1 にはまだ転送専用の SSH アカウントがありません: 先に admin ssh-account create を実行してください。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 has no database account.</source>
        <translation>%1 にはデータベースアカウントがありません。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Wrote the connection file %1 (host key %2 %3).</source>
        <translation>接続ファイル %1 を書き出しました (ホスト鍵 %2 %3)。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Imported the profile &apos;%1&apos; (%2 as %3@%4; host key %5 pinned).</source>
        <translation>プロファイル &apos;%1&apos; をインポートしました (%2 として %3@%4、ホスト鍵 %5 を登録済み)。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>admin create: a domain the admin manages (repeat for more).</source>
        <translation>admin create: 管理者が管理するドメイン (複数なら繰り返し指定)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>admin create: do not create the admin&apos;s MariaDB account.</source>
        <translation>admin create: 管理者の MariaDB アカウントを作成しない。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>admin ssh-account create/rotate-key: the admin&apos;s public key file (.pub).</source>
        <translation>admin ssh-account create/rotate-key: 管理者の公開鍵ファイル (.pub)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>admin ssh-account: the server&apos;s sshd_config (default: the profile&apos;s).</source>
        <translation>admin ssh-account: サーバーの sshd_config (既定: プロファイルの設定)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>admin export-connection: the file to write.</source>
        <translation>admin export-connection: 書き出すファイル。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>profile import: the new profile&apos;s name (default: the file&apos;s suggestion).</source>
        <translation>profile import: 新しいプロファイルの名前 (既定: ファイルの提案)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>profile import: replace a profile of the same name.</source>
        <translation>profile import: 同じ名前のプロファイルを置き換える。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Install or upgrade the server-side part of delegation (its own schema beside vmail; needs a privileged database account).</source>
        <translation>委任のサーバー側の部分 (vmail とは別の専用スキーマ) をインストールまたはアップグレードします (特権のあるデータベースアカウントが必要です)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create MailDeck&apos;s database account for managing delegation (over SSH as root; only the privileges delegation needs) and use it in the profile.</source>
        <translation>委任の管理に使う MailDeck 専用のデータベースアカウントを作成し（SSH 経由で root として。委任に必要な権限だけ）、プロファイルで使うようにします。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>List the per-domain admins and their domains.</source>
        <translation>ドメインごとの管理者とそのドメインを一覧表示します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create a per-domain admin and their MariaDB account (its password is printed once).</source>
        <translation>ドメイン管理者とその MariaDB アカウントを作成します (パスワードは一度だけ表示されます)。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Let a per-domain admin manage one more domain.</source>
        <translation>ドメイン管理者に管理するドメインを 1 つ追加します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take a domain away from a per-domain admin.</source>
        <translation>ドメイン管理者からドメインを外します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disable a per-domain admin: database account locked, SSH key set aside, open sessions ended.</source>
        <translation>ドメイン管理者を無効にします: データベースアカウントをロックし、SSH 鍵を外し、開いているセッションを終了します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enable a disabled per-domain admin again.</source>
        <translation>無効にしたドメイン管理者を再び有効にします。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete a per-domain admin with their database and SSH accounts.</source>
        <translation>ドメイン管理者をデータベースと SSH のアカウントごと削除します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Install (or upgrade) and start the server&apos;s list agent, through which per-domain admins manage their mailing lists (over SSH as root).</source>
        <translation>サーバーのリストエージェントをインストール（またはアップグレード）して起動します。ドメイン管理者はこれを通じてメーリングリストを管理します（root として SSH 経由）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Say whether the list agent is installed, running and up to date.</source>
        <translation>リストエージェントがインストール済みか、動いているか、最新かを表示します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop the list agent and remove its files and database account.</source>
        <translation>リストエージェントを停止し、そのファイルとデータベースアカウントを削除します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Add MailDeck&apos;s sshd block for forward-only accounts (no Unix-socket forwarding, no pty, no tunnel) and reload sshd.</source>
        <translation>転送専用アカウント用の MailDeck の sshd ブロック (Unix ソケット転送・pty・トンネルなし) を追加し、sshd に再読み込みさせます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create the admin&apos;s forward-only SSH account (database port only).</source>
        <translation>管理者の転送専用 SSH アカウント (データベースのポートのみ) を作成します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show the admin&apos;s forward-only SSH account.</source>
        <translation>管理者の転送専用 SSH アカウントを表示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Replace the key of the admin&apos;s SSH account (open sessions end).</source>
        <translation>管理者の SSH アカウントの鍵を置き換えます (開いているセッションは終了します)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Remove the admin&apos;s forward-only SSH account.</source>
        <translation>管理者の転送専用 SSH アカウントを削除します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the connection file for a per-domain admin (no secret inside).</source>
        <translation>ドメイン管理者用の接続ファイルを書き出します (秘密情報は含みません)。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create a profile from a connection file, pinning the server&apos;s host key.</source>
        <translation>接続ファイルからプロファイルを作成し、サーバーのホスト鍵を登録します。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliDataCommands.cpp" line="+22"/>
        <source>A password is needed: pass --password-file FILE or --password-stdin.</source>
        <translation>パスワードが必要です: --password-file FILE または --password-stdin を指定してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New password for %1: </source>
        <translation>%1 の新しいパスワード: </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Repeat the password: </source>
        <translation>パスワードをもう一度入力: </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>2 つのパスワードが一致しません。何も変更していません。</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Created domain %1.</source>
        <translation>ドメイン %1 を作成しました。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Enabled domain %1.</source>
        <translation>ドメイン %1 を有効にしました。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled domain %1.</source>
        <translation>ドメイン %1 を無効にしました。</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Nothing was deleted: add --yes to delete domain %1 and the %n row(s) above.</source>
        <translation>
            <numerusform>何も削除していません: ドメイン %1 と上記の %n 行を削除するには --yes を指定してください。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Deleted domain %1.</source>
        <translation>ドメイン %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+108"/>
        <source>--quota must be a number of megabytes (0: unlimited).</source>
        <translation>--quota には MB 単位の数値を指定してください（0 は無制限）。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Created mailbox %1.</source>
        <translation>メールボックス %1 を作成しました。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Changed the password of %1.</source>
        <translation>%1 のパスワードを変更しました。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Enabled mailbox %1.</source>
        <translation>メールボックス %1 を有効にしました。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled mailbox %1.</source>
        <translation>メールボックス %1 を無効にしました。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deleted mailbox %1.</source>
        <translation>メールボックス %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>alias add needs the alias address.</source>
        <translation>alias add にはエイリアスのアドレスが必要です。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Created alias %1.</source>
        <translation>エイリアス %1 を作成しました。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Deleted alias %1.</source>
        <translation>エイリアス %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>alias members add needs the alias and at least one member.</source>
        <translation>alias members add にはエイリアスと 1 つ以上のメンバーが必要です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alias members remove needs the alias and at least one member.</source>
        <translation>alias members remove にはエイリアスと 1 つ以上のメンバーが必要です。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 is not a member of %2; nothing was changed.</source>
        <translation>%1 は %2 のメンバーではありません。何も変更していません。</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Added %n member(s) to %1.</source>
        <translation>
            <numerusform>%1 に %n 人のメンバーを追加しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Removed %n member(s) from %1.</source>
        <translation>
            <numerusform>%1 から %n 人のメンバーを削除しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>alias set needs --name, --access-policy or --moderator (nothing to change).</source>
        <translation>alias set には --name、--access-policy、--moderator のいずれかが必要です（変更する内容がありません）。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Changed alias %1.</source>
        <translation>エイリアス %1 を変更しました。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Enabled alias %1.</source>
        <translation>エイリアス %1 を有効にしました。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled alias %1.</source>
        <translation>エイリアス %1 を無効にしました。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Mail to %1 now goes to %2.</source>
        <translation>%1 宛てのメールは %2 に届くようになりました。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Removed the alias domain %1.</source>
        <translation>エイリアスドメイン %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>catchall clear takes the domain.</source>
        <translation>catchall clear にはドメインを指定します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>catchall set needs the domain and at least one address.</source>
        <translation>catchall set にはドメインと少なくとも 1 つのアドレスが必要です。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Removed the catch-all of %1.</source>
        <translation>%1 のキャッチオールを削除しました。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Mail to unknown addresses in %1 now goes to %n address(es).</source>
        <translation>
            <numerusform>%1 の存在しないアドレス宛てのメールは %n 件のアドレスに届くようになりました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+56"/>
        <source>mailbox alias add needs the mailbox and at least one alias address.</source>
        <translation>mailbox alias add にはメールボックスと少なくとも 1 つのエイリアスアドレスが必要です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>mailbox alias remove needs the mailbox and at least one alias address.</source>
        <translation>mailbox alias remove にはメールボックスと少なくとも 1 つのエイリアスアドレスが必要です。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is not in the domain of %2: an alias address of a mailbox is in its domain (for other domains use an alias domain or an alias account).</source>
        <translation>%1 は %2 のドメインにありません。メールボックスのエイリアスアドレスはそのドメイン内に置きます（他のドメインにはエイリアスドメインかエイリアスアカウントを使ってください）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is the mailbox&apos;s own address.</source>
        <translation>%1 はメールボックス自身のアドレスです。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 is not an alias address of %2; nothing was changed.</source>
        <translation>%1 は %2 のエイリアスアドレスではありません。何も変更していません。</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Added %n alias address(es) to %1.</source>
        <translation>
            <numerusform>%1 に %n 件のエイリアスアドレスを追加しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Removed %n alias address(es) from %1.</source>
        <translation>
            <numerusform>%1 から %n 件のエイリアスアドレスを削除しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+17"/>
        <source>--set %1: write NAME=VALUE with NAME one of %2.</source>
        <translation>--set %1: NAME=VALUE の形で指定します。NAME は %2 のいずれかです。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--set %1: &quot;%2&quot; is not a number of at least %3.</source>
        <translation>--set %1: &quot;%2&quot; は %3 以上の数値ではありません。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>domain set needs --name or --set NAME=VALUE.</source>
        <translation>domain set には --name か --set NAME=VALUE が必要です。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Changed domain %1.</source>
        <translation>ドメイン %1 を変更しました。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>mailbox set needs --name, --quota or --set NAME=VALUE.</source>
        <translation>mailbox set には --name、--quota、--set NAME=VALUE のいずれかが必要です。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>--set %1: use 1 (enabled) or 0 (disabled).</source>
        <translation>--set %1: 1（有効）か 0（無効）を指定します。</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Changed mailbox %1.</source>
        <translation>メールボックス %1 を変更しました。</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>%n line(s) of the file are wrong; no mailbox was created.</source>
        <translation>
            <numerusform>ファイルの %n 行に誤りがあります。メールボックスは作成していません。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>line %1: %2: %3</source>
        <translation>%1 行目: %2: %3</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Created %n mailbox(es).</source>
        <translation>
            <numerusform>%n 件のメールボックスを作成しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>forward clear takes the mailbox address.</source>
        <translation>forward clear にはメールボックスのアドレスを指定します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>forward set needs the mailbox and at least one destination.</source>
        <translation>forward set にはメールボックスと 1 つ以上の転送先が必要です。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 no longer forwards mail.</source>
        <translation>%1 はメールを転送しなくなりました。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mail to %1 is now forwarded.</source>
        <translation>%1 宛てのメールを転送するようになりました。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>List the domains with their counts.</source>
        <translation>ドメインを件数とともに一覧表示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show one domain.</source>
        <translation>ドメインを 1 つ表示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a domain.</source>
        <translation>ドメインを作成します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable a domain.</source>
        <translation>ドメインを無効にします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enable a domain.</source>
        <translation>ドメインを有効にします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show what deleting a domain removes; with --yes, delete it.</source>
        <translation>ドメインを削除すると何が消えるかを表示します。--yes を付けると削除します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Change a domain: NAME is description, mailboxes, aliases, maillists (limits: 0 unlimited, mailboxes -1 none), maxquota, default_user_quota (MB) or transport.</source>
        <translation>ドメインを変更します: NAME は description、mailboxes、aliases、maillists（上限。0 は無制限、mailboxes の -1 は作成不可）、maxquota、default_user_quota（MB）、transport のいずれかです。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>List the mailboxes of a domain.</source>
        <translation>ドメインのメールボックスを一覧表示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show one mailbox.</source>
        <translation>メールボックスを 1 つ表示します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create a mailbox.</source>
        <translation>メールボックスを作成します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the password of a mailbox.</source>
        <translation>メールボックスのパスワードを変更します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change a mailbox: NAME is name, language, quota (MB), employeeid, department, allow_nets (empty: no restriction) or an enable* column (1 or 0), e.g. enableimap=0.</source>
        <translation>メールボックスを変更します: NAME は name、language、quota（MB）、employeeid、department、allow_nets（空: 制限なし）、または enable* 列（1 か 0。例: enableimap=0）です。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Create the mailboxes of a CSV file (&apos;-&apos;: stdin; columns address, password, name, quota, language): all of them or none.</source>
        <translation>CSV ファイル（&apos;-&apos;: 標準入力。列は address、password、name、quota、language）のメールボックスを作成します: すべて作成するか、何も作成しません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disable a mailbox.</source>
        <translation>メールボックスを無効にします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enable a mailbox.</source>
        <translation>メールボックスを有効にします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete a mailbox and every row that refers to it.</source>
        <translation>メールボックスと、それを参照するすべての行を削除します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>List the alias accounts of a domain.</source>
        <translation>ドメインのエイリアスアカウントを一覧表示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show one alias account.</source>
        <translation>エイリアスアカウントを 1 つ表示します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create an alias account.</source>
        <translation>エイリアスアカウントを作成します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete an alias account.</source>
        <translation>エイリアスアカウントを削除します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add members to an alias account.</source>
        <translation>エイリアスアカウントにメンバーを追加します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove members from an alias account.</source>
        <translation>エイリアスアカウントからメンバーを削除します。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Change an alias account: name, who may send (public, domain, subdomain, membersonly, moderatorsonly, membersandmoderatorsonly), moderators (replaced; --moderator &apos;&apos; clears them).</source>
        <translation>エイリアスアカウントを変更します: 名前、送信できる人（public、domain、subdomain、membersonly、moderatorsonly、membersandmoderatorsonly）、モデレーター（置き換え。--moderator &apos;&apos; で全員削除）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Disable an alias account.</source>
        <translation>エイリアスアカウントを無効にします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enable an alias account.</source>
        <translation>エイリアスアカウントを有効にします。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List the alias domains whose mail goes to DOMAIN.</source>
        <translation>メールが DOMAIN に届くエイリアスドメインを一覧表示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make ALIAS-DOMAIN an alias domain: mail to x@ALIAS-DOMAIN goes to x@TARGET-DOMAIN.</source>
        <translation>ALIAS-DOMAIN をエイリアスドメインにします: x@ALIAS-DOMAIN 宛てのメールは x@TARGET-DOMAIN に届きます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Remove an alias domain.</source>
        <translation>エイリアスドメインを削除します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show where mail to unknown addresses of a domain goes.</source>
        <translation>ドメインの存在しないアドレス宛てのメールの配送先を表示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send mail to unknown addresses of a domain to these addresses (replaces the catch-all).</source>
        <translation>ドメインの存在しないアドレス宛てのメールをこれらのアドレスに送ります（キャッチオールを置き換えます）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove the catch-all of a domain.</source>
        <translation>ドメインのキャッチオールを削除します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List the alias addresses of a mailbox.</source>
        <translation>メールボックスのエイリアスアドレスを一覧表示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add alias addresses to a mailbox (mail to them is delivered to it; it may send as them).</source>
        <translation>メールボックスにエイリアスアドレスを追加します（その宛先のメールはメールボックスに届き、メールボックスはそのアドレスで送信できます）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove alias addresses from a mailbox.</source>
        <translation>メールボックスからエイリアスアドレスを削除します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show where mail to a mailbox is forwarded.</source>
        <translation>メールボックス宛てのメールの転送先を表示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forward mail to a mailbox; --keep-copy keeps a copy in the mailbox.</source>
        <translation>メールボックス宛てのメールを転送します。--keep-copy を付けるとメールボックスにコピーを残します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stop forwarding mail to a mailbox.</source>
        <translation>メールボックス宛てのメールの転送をやめます。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliListCommands.cpp" line="+29"/>
        <source>The list address is missing.</source>
        <translation>リストのアドレスがありません。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliDataCommands.cpp" line="-238"/>
        <location filename="../../app/cli/CliListCommands.cpp" line="+19"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliListCommands.cpp" line="+19"/>
        <source>Give the members either as arguments or with --from-file, not both.</source>
        <translation>メンバーは引数か --from-file のどちらか一方で指定してください。</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Read %n address(es) from %1.</source>
        <translation>
            <numerusform>%1 から %n 件のアドレスを読み込みました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No member address given (arguments or --from-file FILE).</source>
        <translation>メンバーのアドレスが指定されていません（引数または --from-file FILE）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>list list takes the domain.</source>
        <translation>list list にはドメインを指定します。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>list create takes the list address only.</source>
        <translation>list create にはリストのアドレスだけを指定します。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Created list %1.</source>
        <translation>リスト %1 を作成しました。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>list delete takes the list address only.</source>
        <translation>list delete にはリストのアドレスだけを指定します。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Deleted list %1.</source>
        <translation>リスト %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--kind must be normal, digest or nomail, not &quot;%1&quot;.</source>
        <translation>--kind には normal、digest、nomail のいずれかを指定します（&quot;%1&quot; は指定できません）。</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Subscribing %n address(es) to %1…</source>
        <translation>
            <numerusform>%1 に %n 件のアドレスを登録しています…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Unsubscribing %n address(es) from %1…</source>
        <translation>
            <numerusform>%1 から %n 件のアドレスの登録を解除しています…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 subscribed, %2 already subscribed, %3 left in another subscription kind.</source>
        <translation>%1 件を登録、%2 件は登録済み、%3 件は別の購読種別のまま残しました。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 unsubscribed, %2 were not subscribed.</source>
        <translation>%1 件の登録を解除、%2 件は登録されていませんでした。</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Subscribed %n address(es) to %1.</source>
        <translation>
            <numerusform>%1 に %n 件のアドレスを登録しました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Unsubscribed %n address(es) from %1.</source>
        <translation>
            <numerusform>%1 から %n 件のアドレスの登録を解除しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>list members takes the list address only.</source>
        <translation>list members にはリストのアドレスだけを指定します。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>list show takes the list address only.</source>
        <translation>list show にはリストのアドレスだけを指定します。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>list set takes the list address and options only.</source>
        <translation>list set にはリストのアドレスとオプションだけを指定します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>list set needs at least one of --name, --description, --post-policy, --owner, --moderator, --set NAME=VALUE.</source>
        <translation>list set には --name、--description、--post-policy、--owner、--moderator、--set NAME=VALUE の少なくとも 1 つが必要です。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--post-policy must be anyone, subscribers or moderators, not &quot;%1&quot;.</source>
        <translation>--post-policy には anyone、subscribers、moderators のいずれかを指定します（&quot;%1&quot; は指定できません）。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--description: one line of at most 1000 characters.</source>
        <translation>--description: 1 行、1000 文字以内で指定します。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Changed list %1.</source>
        <translation>リスト %1 を変更しました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>List the mailing lists of a domain.</source>
        <translation>ドメインのメーリングリストを一覧表示します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Create an mlmmj list: its directory on the server and its rows.</source>
        <translation>mlmmj のリストを作成します: サーバー上のディレクトリとデータベースの行。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show a list&apos;s description and every setting, by mlmmjadmin&apos;s parameter names (the names list set --set takes).</source>
        <translation>リストの説明とすべての設定を mlmmjadmin のパラメーター名（list set --set で使う名前）で表示します。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Change a list after it was created: control files and rows, all or nothing; --owner and --moderator replace the owners and moderators.</source>
        <translation>作成済みのリストを変更します: 制御ファイルと行をすべてまとめて変更するか、何も変更しません。--owner と --moderator はオーナーとモデレーターを置き換えます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete a list: its rows, and its directory to mlmmj&apos;s archive.</source>
        <translation>リストを削除します: データベースの行を削除し、ディレクトリは mlmmj のアーカイブに移します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscribe addresses to a list (FILE: one a line, &apos;-&apos; for stdin).</source>
        <translation>リストにアドレスを登録します（FILE: 1 行に 1 アドレス、&apos;-&apos; は標準入力）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unsubscribe addresses from a list.</source>
        <translation>リストからアドレスの登録を解除します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the subscribers of a list.</source>
        <translation>リストの購読者を表示します。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliRemoteCommands.cpp" line="+46"/>
        <source>exec needs the command to run on the server.</source>
        <translation>exec にはサーバーで実行するコマンドが必要です。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>The command was killed by a signal on the server.</source>
        <translation>コマンドはサーバー上でシグナルにより終了しました。</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>sql takes exactly one statement (quote it).</source>
        <translation>sql には文を 1 つだけ指定します（引用符で囲んでください）。</translation>
    </message>
    <message numerus="yes">
        <location line="+50"/>
        <source>%n row(s) affected.</source>
        <translation>
            <numerusform>%n 行が変更されました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Run a shell command on the server; exit with its exit status.</source>
        <translation>サーバーでシェルコマンドを実行し、その終了ステータスで終了します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run an SQL statement on the vmail database through the connection.</source>
        <translation>接続を通じて vmail データベースで SQL 文を実行します。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliLogCommands.cpp" line="+30"/>
        <source>Top client addresses</source>
        <translation>上位のクライアントアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top relay networks</source>
        <translation>上位の中継ネットワーク</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Top sender domains</source>
        <translation>上位の送信者ドメイン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top recipients</source>
        <translation>上位の宛先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top HELO names</source>
        <translation>上位の HELO 名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top login names</source>
        <translation>上位のログイン名</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>%1 lines, %2 events, %3 rejects, %4 unparsed</source>
        <translation>%1 行、イベント %2 件、拒否 %3 件、解析不能 %4 行</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Events per class</source>
        <translation>分類ごとのイベント数</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Connection interrupted (%1); resuming…</source>
        <translation>接続が中断しました（%1）。再開しています…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>--top takes a number from 1 to 10000.</source>
        <translation>--top には 1〜10000 の数を指定してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--since takes a number of hours (0 to 8784).</source>
        <translation>--since には時間数（0〜8784）を指定してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>rejects reads either log files or a server (--profile), not both and not neither.</source>
        <translation>rejects はログファイルかサーバー（--profile）のどちらか一方を読みます。両方の指定も、どちらも指定しないこともできません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The profile names no mail log (profile add --mail-log).</source>
        <translation>プロファイルにメールログが指定されていません（profile add --mail-log）。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 is not a readable file.</source>
        <translation>%1 は読み込めるファイルではありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--follow takes one log file.</source>
        <translation>--follow に指定できるログファイルは 1 つです。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>rejects: after the summary, print each new event as it is logged (Ctrl+C ends).</source>
        <translation>rejects: 集計の後、新しいイベントを記録されるたびに表示します（Ctrl+C で終了）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>rejects --profile: read the rotated logs of the last HOURS first (default 24).</source>
        <translation>rejects --profile: 最初に直近 HOURS 時間分のローテート済みログを読みます（既定 24）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rejects: entries per top list (default 10).</source>
        <translation>rejects: 上位リストの件数（既定 10）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Classify the rejects of a mail log: counts per class, top talkers (files, also rotated and .gz, or the server&apos;s live log).</source>
        <translation>メールログの拒否を分類します: 分類ごとの件数と上位の送信元（ファイル（ローテート済みや .gz も可）またはサーバーのライブログ）。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliCompatCommands.cpp" line="+45"/>
        <source>warning: %1</source>
        <translation>警告: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>config where needs: dovecot|postfix SETTING</source>
        <translation>config where には dovecot|postfix SETTING が必要です</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown component &apos;%1&apos; (dovecot or postfix).</source>
        <translation>不明なコンポーネント &apos;%1&apos; です (dovecot または postfix)。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>(not set: the default)</source>
        <translation>(未設定: 既定値)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>effective</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overridden</source>
        <translation>上書きされている</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>does not apply</source>
        <translation>適用されない</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>(not listed: the default)</source>
        <translation>(表示なし: 既定値)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>warning: the files and %1 disagree</source>
        <translation>警告: ファイルと %1 の値が一致しません</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>--client must be one of: %1</source>
        <translation>--client は次のいずれかにしてください: %1</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Blocked by %1 %2 = %3</source>
        <translation>%1 の %2 = %3 によって妨げられています</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>default, not set in any file</source>
        <translation>既定値、どのファイルでも未設定</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>also set in %1</source>
        <translation>%1 でも設定されています</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> (recommended)</source>
        <translation> (推奨)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cost: %1</source>
        <translation>代償: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>changes %1</source>
        <translation>変更: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>note: %1</source>
        <translation>注記: %1</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>probe passed: %1</source>
        <translation>プローブ成功: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>probe failed: %1</source>
        <translation>プローブ失敗: %1</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>compat apply needs --option N (see compat check).</source>
        <translation>compat apply には --option N が必要です (compat check を参照)。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Passes, no change needed.</source>
        <translation>通ります。変更は不要です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>There is no option %1 (1 to %2).</source>
        <translation>選択肢 %1 はありません (1 から %2)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing to change on the server: tell the user to change the client.</source>
        <translation>サーバー側で変更するものはありません。ユーザーにクライアントの変更を伝えてください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Not applied: %1</source>
        <translation>適用されませんでした: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Applied change set %1.</source>
        <translation>変更セット %1 を適用しました。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>No applied change set for %1 at %2.</source>
        <translation>%2 の %1 に適用された変更セットはありません。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not reverted: %1</source>
        <translation>元に戻せませんでした: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reverted change set %1.</source>
        <translation>変更セット %1 を元に戻しました。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Show what blocks a mail client (setting, file:line, log proof) and the fixes ranked from narrowest to broadest.</source>
        <translation>メールクライアントを妨げているもの (設定、ファイル:行、ログの証拠) と、範囲の狭い順に並べた修正を表示する。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Apply fix N as a reversible change set, then run the probes that prove it.</source>
        <translation>修正 N を元に戻せる変更セットとして適用し、それを証明するプローブを実行する。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Revert the last change set applied for this client.</source>
        <translation>このクライアントに最後に適用した変更セットを元に戻す。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>compat: the client profile (wlm2012, old-phone, scanner, web-server, thunderbird).</source>
        <translation>compat: クライアントのプロファイル (wlm2012、old-phone、scanner、web-server、thunderbird)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>compat apply: the number of the fix to apply.</source>
        <translation>compat apply: 適用する修正の番号。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compat: the client&apos;s IP address.</source>
        <translation>compat: クライアントの IP アドレス。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compat: the client&apos;s HELO name.</source>
        <translation>compat: クライアントの HELO 名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compat: the login name the client uses.</source>
        <translation>compat: クライアントが使うログイン名。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compat: the envelope sender the client uses.</source>
        <translation>compat: クライアントが使うエンベロープ差出人。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>compat: a recipient for the SMTP probe.</source>
        <translation>compat: SMTP プローブの宛先。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>compat apply: trust the server certificates signed by the CA in FILE (PEM) for the probes.</source>
        <translation>compat apply: プローブで、FILE (PEM) の CA が署名したサーバー証明書を信頼する。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>config where: the Dovecot protocol filter (imap, pop3, …).</source>
        <translation>config where: Dovecot のプロトコルフィルター (imap、pop3、…)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>config where: the client address for Dovecot&apos;s remote filters.</source>
        <translation>config where: Dovecot の remote フィルターに使うクライアントのアドレス。</translation>
    </message>
    <message>
        <location filename="../../app/cli/CliConfigCommands.cpp" line="+23"/>
        <source>planned</source>
        <translation>計画済み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>applied</source>
        <translation>適用済み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>rolled back</source>
        <translation>ロールバック済み</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>config history takes no arguments.</source>
        <translation>config history は引数を取りません。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>config show takes exactly one change set id.</source>
        <translation>config show には変更セット ID を 1 つだけ指定してください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Change set %1: %2</source>
        <translation>変更セット %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created %1, %2 %3 by %4</source>
        <translation>作成 %1、%2 %3(実行者 %4)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>config revert takes exactly one change set id.</source>
        <translation>config revert には変更セット ID を 1 つだけ指定してください。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>The connection was lost; reconnecting to follow the change…</source>
        <translation>接続が切れました。変更を追跡するために再接続しています…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reverted change set %1 (new change set %2).</source>
        <translation>変更セット %1 を元に戻しました(新しい変更セット %2)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not reverted (%1): %2</source>
        <translation>元に戻していません(%1): %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print a setting&apos;s effective value and every file and line that sets it, with the value doveconf -n / postconf -n reports.</source>
        <translation>設定の有効な値と、それを設定しているすべてのファイルと行を、doveconf -n / postconf -n が報告する値とともに表示する。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>List the configuration changes MailDeck made on the server.</source>
        <translation>MailDeck がサーバー上で行った設定変更を一覧表示します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Show one configuration change: its diff and outcome.</source>
        <translation>設定変更 1 件の差分と結果を表示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo an applied configuration change (refused if the files changed since).</source>
        <translation>適用済みの設定変更を元に戻します(その後ファイルが変更されている場合は拒否します)。</translation>
    </message>
</context>
<context>
    <name>MailingListRepository</name>
    <message>
        <location filename="../../core/db/MailingListRepository.cpp" line="+64"/>
        <source>read the mailing lists</source>
        <translation>メーリングリストの読み込み</translation>
    </message>
    <message>
        <location line="+110"/>
        <location line="+142"/>
        <location line="+3"/>
        <location line="+54"/>
        <source>The mailing list %1</source>
        <translation>メーリングリスト %1</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>create the mailing list %1</source>
        <translation>メーリングリスト %1 の作成</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+117"/>
        <source>The maximum message size must be 0 (no limit) or a number of bytes.</source>
        <translation>最大メッセージサイズは 0（無制限）またはバイト数で指定してください。</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>The domain %1 does not exist on this server.</source>
        <translation>ドメイン %1 はこのサーバーに存在しません。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The address %1 is already used by a mailbox, an alias or a forwarding.</source>
        <translation>アドレス %1 は既にメールボックス、エイリアス、または転送で使用されています。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+88"/>
        <source>Owner</source>
        <translation>オーナー</translation>
    </message>
    <message>
        <location line="-85"/>
        <location line="+88"/>
        <source>Moderator</source>
        <translation>モデレーター</translation>
    </message>
    <message>
        <location line="-80"/>
        <source>The domain %1 already has %2 of at most %3 mailing lists.</source>
        <translation>ドメイン %1 のメーリングリストは既に %2 個あります（上限 %3 個）。</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>change the mailing list %1</source>
        <translation>メーリングリスト %1 の変更</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>delete the mailing list %1</source>
        <translation>メーリングリスト %1 の削除</translation>
    </message>
</context>
<context>
    <name>Migrations</name>
    <message>
        <location filename="../../core/delegation/Migrations.cpp" line="+46"/>
        <source>The migration file name %1 is not of the form 001_name.sql.</source>
        <translation>マイグレーションファイル名 %1 が 001_name.sql の形式ではありません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The migration %1 has no version or no statements.</source>
        <translation>マイグレーション %1 にバージョンまたはステートメントがありません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The delegation migrations are not numbered 1, 2, 3… without gaps (found %1 at position %2).</source>
        <translation>委任のマイグレーションが 1, 2, 3… と欠番なく番号付けされていません（%2 番目が %1 です）。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Could not read the migration %1.</source>
        <translation>マイグレーション %1 を読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No delegation migrations were found in %1.</source>
        <translation>%1 に委任のマイグレーションが見つかりませんでした。</translation>
    </message>
</context>
<context>
    <name>MlmmjScripts</name>
    <message>
        <location filename="../../core/lists/MlmmjScripts.cpp" line="+556"/>
        <source>The server&apos;s answer about the list&apos;s control files could not be read.</source>
        <translation>リストの制御ファイルに関するサーバーの応答を読み取れませんでした。</translation>
    </message>
</context>
<context>
    <name>MyCnf</name>
    <message>
        <location filename="../../core/session/MyCnf.cpp" line="+105"/>
        <source>%1 has no password in its [client] section.</source>
        <translation>%1 の [client] セクションにパスワードがありません。</translation>
    </message>
</context>
<context>
    <name>PasswordHash</name>
    <message>
        <location filename="../../core/db/PasswordHash.cpp" line="+192"/>
        <source>The password is empty.</source>
        <translation>パスワードが空です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password contains a NUL character, which no mail client can send.</source>
        <translation>パスワードに NUL 文字が含まれています。この文字はメールクライアントから送信できません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>BLF-CRYPT uses only the first 72 bytes of a password; this one has %1. Use a shorter password or the SSHA512 scheme.</source>
        <translation>BLF-CRYPT はパスワードの先頭 72 バイトしか使用しませんが、このパスワードは %1 バイトあります。短いパスワードにするか、SSHA512 方式を使用してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>The system&apos;s crypt library cannot make BLF-CRYPT hashes.</source>
        <translation>システムの crypt ライブラリでは BLF-CRYPT ハッシュを生成できません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The system&apos;s crypt library cannot make SHA512-CRYPT hashes.</source>
        <translation>システムの crypt ライブラリでは SHA512-CRYPT ハッシュを生成できません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown password scheme.</source>
        <translation>不明なパスワード方式です。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The stored %1 hash is damaged (wrong length or encoding).</source>
        <translation>保存されている %1 ハッシュが破損しています（長さまたはエンコードが不正です）。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The stored crypt hash is not in a known format.</source>
        <translation>保存されている crypt ハッシュは既知の形式ではありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The system&apos;s crypt library cannot check %1 hashes.</source>
        <translation>システムの crypt ライブラリでは %1 ハッシュを検証できません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MailDeck cannot check passwords stored as %1; Dovecot may still accept them.</source>
        <translation>MailDeck は %1 で保存されたパスワードを検証できません。Dovecot では受け付けられる場合があります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>an unknown scheme</source>
        <translation>不明な方式</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No password is set: this account cannot log in.</source>
        <translation>パスワードが設定されていません。このアカウントはログインできません。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>MailDeck cannot check %1 hashes itself; Dovecot may accept them.</source>
        <translation>MailDeck 自身は %1 ハッシュを検証できません。Dovecot では受け付けられる場合があります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The stored password is not in a format MailDeck recognises; this account probably cannot log in.</source>
        <translation>保存されているパスワードは MailDeck が認識できる形式ではありません。このアカウントはおそらくログインできません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is a weak scheme: Dovecot 2.4 (Debian 13, Ubuntu 26.04) refuses it unless auth_allow_weak_schemes = yes is set, so after an upgrade this account can no longer log in. Dovecot 2.3 still accepts it. Set a new password (stored as SSHA512) or enable that setting.</source>
        <translation>%1 は弱い方式です。Dovecot 2.4（Debian 13、Ubuntu 26.04）では auth_allow_weak_schemes = yes を設定しない限り拒否されるため、アップグレード後はこのアカウントでログインできなくなります。Dovecot 2.3 ではまだ受け付けられます。新しいパスワードを設定する（SSHA512 で保存されます）か、この設定を有効にしてください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The password is stored readable in the database. Set a new password to store a hash instead.</source>
        <translation>パスワードがデータベースに読み取り可能な形で保存されています。新しいパスワードを設定して、代わりにハッシュを保存してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>iRedAdmin&apos;s own login does not accept this form (this matters only if the account logs in to iRedAdmin as an admin).</source>
        <translation>iRedAdmin 自体のログインではこの形式は受け付けられません（このアカウントが管理者として iRedAdmin にログインする場合にのみ問題になります）。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A password hash contains only printable ASCII characters without spaces.</source>
        <translation>パスワードハッシュに使用できるのは、空白を除く印字可能な ASCII 文字だけです。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The password hash is not in a scheme MailDeck recognises (expected e.g. {SSHA512}…, {CRYPT}$1$…, $6$…, {BLF-CRYPT}$2y$…).</source>
        <translation>パスワードハッシュが MailDeck の認識できる方式ではありません（例: {SSHA512}…、{CRYPT}$1$…、$6$…、{BLF-CRYPT}$2y$…）。</translation>
    </message>
</context>
<context>
    <name>RejectCatalog</name>
    <message>
        <location filename="../../core/logs/RejectCatalog.cpp" line="+32"/>
        <source>The reject catalog could not be read.</source>
        <translation>拒否カタログを読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The reject catalog is not valid JSON.</source>
        <translation>拒否カタログが有効な JSON ではありません。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The reject catalog has no entries.</source>
        <translation>拒否カタログにエントリーがありません。</translation>
    </message>
</context>
<context>
    <name>RemovalPlan</name>
    <message>
        <location filename="../../core/lists/MailingLists.cpp" line="+85"/>
        <source>The list directory %1 (%2 files, %3 KiB) is moved to the mlmmj archive.</source>
        <translation>リストディレクトリ %1（%2 ファイル、%3 KiB）は mlmmj のアーカイブに移動されます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The list directory %1 (%2 files, %3 KiB) is deleted.</source>
        <translation>リストディレクトリ %1（%2 ファイル、%3 KiB）は削除されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 subscribers, %2 digest subscribers and %3 no-mail subscribers lose their subscription; %4 archived posts go with the directory.</source>
        <translation>購読者 %1 人、ダイジェスト購読者 %2 人、配信停止中の購読者 %3 人の購読が解除されます。アーカイブ済みの投稿 %4 件もディレクトリと一緒に処理されます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>There is no list directory for %1 on the server.</source>
        <translation>サーバー上に %1 のリストディレクトリはありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database rows of %1 are deleted: the list (maillists), its routing (forwardings), %2 owners and %3 moderators.</source>
        <translation>%1 のデータベースの行が削除されます: リスト（maillists）、その配送設定（forwardings）、オーナー %2 人、モデレーター %3 人。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>There are no database rows for %1.</source>
        <translation>%1 のデータベースの行はありません。</translation>
    </message>
</context>
<context>
    <name>ServerDetection</name>
    <message>
        <location filename="../../core/profiles/ServerDetection.cpp" line="+66"/>
        <source>Debian / Ubuntu</source>
        <translation>Debian / Ubuntu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RHEL / Rocky / AlmaLinux / CentOS</source>
        <translation>RHEL / Rocky / AlmaLinux / CentOS</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MailDeck test lab</source>
        <translation>MailDeck テストラボ</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Unknown operating system</source>
        <translation>不明なオペレーティングシステム</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The operating system (%1) is not one MailDeck knows; the profile keeps its flavour, %2. Check the flavour and the paths.</source>
        <translation>このオペレーティングシステム（%1）は MailDeck が認識できないものです。プロファイルの種類は %2 のままにします。種類とパスを確認してください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 does not exist; %2 is used instead.</source>
        <translation>%1 は存在しないため、代わりに %2 を使います。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not found on the server: %1. Correct these paths if the server keeps them elsewhere.</source>
        <translation>サーバー上に見つかりません: %1。サーバーが別の場所に置いている場合は、これらのパスを修正してください。</translation>
    </message>
</context>
<context>
    <name>ServerProfile</name>
    <message>
        <location filename="../../core/profiles/ServerProfile.cpp" line="+87"/>
        <source>The profile needs a name.</source>
        <translation>プロファイルには名前が必要です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The profile needs a host name.</source>
        <translation>プロファイルにはホスト名が必要です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The SSH port must be between 1 and 65535.</source>
        <translation>SSH ポートは 1～65535 の範囲で指定してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database port must be between 1 and 65535.</source>
        <translation>データベースのポートは 1～65535 の範囲で指定してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The profile needs a database user.</source>
        <translation>プロファイルにはデータベースユーザーが必要です。</translation>
    </message>
</context>
<context>
    <name>Sql</name>
    <message>
        <location filename="../../core/db/SqlSupport.cpp" line="+64"/>
        <source>Could not %1: the address or name already exists.</source>
        <translation>%1に失敗しました: そのアドレスまたは名前は既に存在します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not %1: another session is changing the same rows. Try again.</source>
        <translation>%1に失敗しました: 別のセッションが同じ行を変更しています。もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not %1: the database account is not allowed to do this.</source>
        <translation>%1に失敗しました: このデータベースアカウントにはこの操作の権限がありません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not %1: the connection to the database was lost.</source>
        <translation>%1に失敗しました: データベースとの接続が切断されました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not %1: the database refused the request.</source>
        <translation>%1に失敗しました: データベースが要求を拒否しました。</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>%1 does not exist (any more).</source>
        <translation>%1 は存在しません（既に削除された可能性があります）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 was changed by someone else since you opened it. Reload it and apply your change again.</source>
        <translation>%1 は、開いた後に他のユーザーによって変更されました。再読み込みしてから、もう一度変更を適用してください。</translation>
    </message>
</context>
<context>
    <name>Transaction</name>
    <message>
        <location line="+27"/>
        <location line="+2"/>
        <source>start a transaction</source>
        <translation>トランザクションの開始</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No transaction is open.</source>
        <translation>トランザクションが開始されていません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>save the change</source>
        <translation>変更の保存</translation>
    </message>
</context>
<context>
    <name>UndoableChange</name>
    <message>
        <location filename="../../ui/domains/UndoableChange.cpp" line="+7"/>
        <source>%1 was changed since — not undone. The later change is kept.</source>
        <translation>%1 はその後変更されたため、元に戻しませんでした。後からの変更が残ります。</translation>
    </message>
</context>
<context>
    <name>maildeck::HostKeyPolicy</name>
    <message>
        <location filename="../../core/ssh/HostKey.cpp" line="+51"/>
        <source>The authenticity of host &apos;%1&apos; can&apos;t be established.
%2 key fingerprint is %3.
Compare it with the fingerprint the server&apos;s administrator gives you (on the server: ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub). Trust it only if they match.</source>
        <translation>ホスト &apos;%1&apos; の真正性を確認できません。
%2 鍵のフィンガープリントは %3 です。
サーバー管理者から伝えられたフィンガープリントと比較してください（サーバー上で: ssh-keygen -lf /etc/ssh/ssh_host_%4_key.pub）。一致する場合にのみ信頼してください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!
IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!
Someone could be eavesdropping on you right now (man-in-the-middle attack)!
It is also possible that the host key of &apos;%1&apos; has just been changed (the server was reinstalled or its keys regenerated).
The fingerprint for the %2 key sent by the remote host is
%3.
Nothing was sent to the server. Ask its administrator whether the key was changed. If it was, remove the old key from %4 with:
  %5
and connect again to review and trust the new key.</source>
        <translation>警告: リモートホストの識別情報が変更されています！
何者かが不正な操作をしている可能性があります！
今まさに通信が盗聴されている（中間者攻撃）可能性があります！
または、&apos;%1&apos; のホスト鍵が変更されただけの可能性もあります（サーバーの再インストールや鍵の再生成）。
リモートホストから送られた %2 鍵のフィンガープリント:
%3
サーバーには何も送信していません。鍵が変更されたかどうかをサーバー管理者に確認してください。変更されていた場合は、次のコマンドで %4 から古い鍵を削除し:
  %5
もう一度接続して、新しい鍵を確認してから信頼してください。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>WARNING: the server &apos;%1&apos; sent a %2 key, but %3 holds only keys of other types for this host.
An attacker could be pretending to be the server with a key of another type, or the server&apos;s configuration changed.
The fingerprint for the %2 key sent by the remote host is
%4.
Nothing was sent to the server. Ask its administrator which host keys it uses. If the change is expected, remove the old entry with:
  %5
and connect again to review and trust the new key.</source>
        <translation>警告: サーバー &apos;%1&apos; は %2 鍵を送信しましたが、%3 にはこのホストについて別の種類の鍵しかありません。
攻撃者が別の種類の鍵を使ってサーバーになりすましているか、サーバーの設定が変更された可能性があります。
リモートホストから送られた %2 鍵のフィンガープリント:
%4
サーバーには何も送信していません。どのホスト鍵を使用しているかをサーバー管理者に確認してください。想定どおりの変更であれば、次のコマンドで古いエントリーを削除し:
  %5
もう一度接続して、新しい鍵を確認してから信頼してください。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The known hosts file %1 could not be read, so the identity of &apos;%2&apos; cannot be checked. Nothing was sent to the server. Check the file&apos;s permissions and contents.</source>
        <translation>known_hosts ファイル %1 を読み込めないため、&apos;%2&apos; の身元を確認できません。サーバーには何も送信していません。ファイルのアクセス権と内容を確認してください。</translation>
    </message>
</context>
<context>
    <name>maildeck::SecretStore</name>
    <message>
        <location filename="../../core/secrets/SecretStore.cpp" line="+48"/>
        <source>No keychain is available on this desktop: MailDeck asks for passwords each time and stores none.</source>
        <translation>このデスクトップではキーチェーンを利用できません。MailDeck は毎回パスワードを尋ね、保存しません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The keychain did not give the password: %1</source>
        <translation>キーチェーンからパスワードを取得できませんでした: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No keychain is available on this desktop; the password was not stored.</source>
        <translation>このデスクトップではキーチェーンを利用できないため、パスワードは保存されませんでした。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The keychain did not store the password: %1</source>
        <translation>キーチェーンにパスワードを保存できませんでした: %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>The keychain did not delete the password: %1</source>
        <translation>キーチェーンからパスワードを削除できませんでした: %1</translation>
    </message>
</context>
<context>
    <name>maildeck::ServerConnection</name>
    <message>
        <source>Connecting was cancelled.</source>
        <translation type="vanished">接続がキャンセルされました。</translation>
    </message>
    <message>
        <location filename="../../core/session/ServerConnection.cpp" line="+204"/>
        <source>Checking the host key of %1 (%2 %3)…</source>
        <translation>%1 のホスト鍵を確認しています（%2 %3）…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a key from ssh-agent</source>
        <translation>ssh-agent の鍵</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the key %1</source>
        <translation>鍵 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>keyboard-interactive login</source>
        <translation>キーボード対話型ログイン</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Authenticating as %1@%2 with %3…</source>
        <translation>%1@%2 として %3 で認証しています…</translation>
    </message>
    <message>
        <location line="+30"/>
        <location line="+189"/>
        <source>Connecting to %1 was cancelled.</source>
        <translation>%1 への接続を取り消しました。</translation>
    </message>
    <message>
        <location line="-171"/>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Checking the identity of %1…</source>
        <translation>%1 の身元を確認しています…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The host key of %1 was not trusted; nothing was sent to the server.</source>
        <translation>%1 のホスト鍵は信頼されませんでした。サーバーには何も送信していません。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>A delegated connection cannot read files on the server.</source>
        <translation>委任接続ではサーバー上のファイルを読み取れません。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Could not read %1 on the server: %2</source>
        <translation>サーバー上の %1 を読み込めませんでした: %2</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Getting the database password…</source>
        <translation>データベースのパスワードを取得しています…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The database password is not in the keychain.</source>
        <translation>データベースのパスワードがキーチェーンにありません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Password of the database user %1:</source>
        <translation>データベースユーザー %1 のパスワード:</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Opening the tunnel to the database…</source>
        <translation>データベースへのトンネルを開いています…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Opening the database %1…</source>
        <translation>データベース %1 を開いています…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Checking the delegated account %1…</source>
        <translation>委任アカウント %1 を確認しています…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database account %1 is not a delegated admin (or is disabled) on this server.</source>
        <translation>データベースアカウント %1 はこのサーバーの委任管理者ではありません (または無効です)。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The database account %1 belongs to the admin %2, not to %3.</source>
        <translation>データベースアカウント %1 は %3 ではなく管理者 %2 のものです。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected.</source>
        <translation>接続しました。</translation>
    </message>
</context>
<context>
    <name>maildeck::SshProcess</name>
    <message>
        <location filename="../../core/ssh/SshSession.cpp" line="+90"/>
        <source>The command was cancelled.</source>
        <translation>コマンドがキャンセルされました。</translation>
    </message>
</context>
<context>
    <name>maildeck::SshSession</name>
    <message>
        <location line="+230"/>
        <location line="+10"/>
        <source>Reading</source>
        <translation>読み込み</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+13"/>
        <source>Reading was cancelled.</source>
        <translation>読み込みがキャンセルされました。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is larger than %2 bytes.</source>
        <translation>%1 のサイズが %2 バイトを超えています。</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+10"/>
        <location line="+7"/>
        <source>Writing</source>
        <translation>書き込み</translation>
    </message>
    <message>
        <location line="-25"/>
        <location line="+13"/>
        <source>Writing was cancelled.</source>
        <translation>書き込みがキャンセルされました。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Reading the attributes of</source>
        <translation>属性の読み取り</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Renaming</source>
        <translation>名前の変更</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+5"/>
        <source>Removing</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Creating the directory</source>
        <translation>ディレクトリの作成</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+11"/>
        <source>Listing</source>
        <translation>一覧の取得</translation>
    </message>
</context>
<context>
    <name>maildeck::SshWorker</name>
    <message>
        <location filename="../../core/ssh/SshWorker.cpp" line="+98"/>
        <location line="+305"/>
        <location line="+9"/>
        <source>The SSH session was closed.</source>
        <translation>SSH セッションが閉じられました。</translation>
    </message>
    <message>
        <location line="-243"/>
        <source>Connecting was cancelled.</source>
        <translation>接続がキャンセルされました。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Could not create an SSH session.</source>
        <translation>SSH セッションを作成できませんでした。</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>ssh: connect to host %1 port %2: %3</source>
        <translation>ssh: ホスト %1 のポート %2 に接続できません: %3</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>ssh: connect to host %1 port %2: Connection timed out</source>
        <translation>ssh: ホスト %1 のポート %2 に接続できません: 接続がタイムアウトしました</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The server did not send a host key.</source>
        <translation>サーバーがホスト鍵を送信しませんでした。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>There is no host key waiting to be trusted. Connect first.</source>
        <translation>信頼の確認待ちのホスト鍵がありません。先に接続してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Could not write the host key to %1.</source>
        <translation>ホスト鍵を %1 に書き込めませんでした。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The host key of %1 has not been trusted yet.</source>
        <translation>%1 のホスト鍵はまだ信頼されていません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+354"/>
        <location line="+13"/>
        <location line="+192"/>
        <location line="+79"/>
        <location line="+277"/>
        <location line="+35"/>
        <source>The connection to %1 was lost.</source>
        <translation>%1 との接続が切断されました。</translation>
    </message>
    <message>
        <location line="-898"/>
        <source>Authentication failed: %1</source>
        <translation>認証に失敗しました: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+113"/>
        <location line="+41"/>
        <location line="+56"/>
        <source>Login was cancelled.</source>
        <translation>ログインがキャンセルされました。</translation>
    </message>
    <message>
        <location line="-159"/>
        <location line="+119"/>
        <location line="+60"/>
        <source>The server closed the connection during login: %1</source>
        <translation>ログイン中にサーバーが接続を閉じました: %1</translation>
    </message>
    <message>
        <location line="-155"/>
        <location line="+60"/>
        <source>Public key login failed.</source>
        <translation>公開鍵によるログインに失敗しました。</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Enter passphrase for key &apos;%1&apos;:</source>
        <translation>鍵 &apos;%1&apos; のパスフレーズを入力してください:</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+50"/>
        <source>%1@%2&apos;s password:</source>
        <translation>%1@%2 のパスワード:</translation>
    </message>
    <message>
        <location line="+90"/>
        <location line="+24"/>
        <location line="+210"/>
        <location line="+79"/>
        <source>The command was cancelled.</source>
        <translation>コマンドがキャンセルされました。</translation>
    </message>
    <message>
        <location line="-282"/>
        <source>The command did not finish within %1 seconds and was stopped.</source>
        <translation>コマンドが %1 秒以内に終了しなかったため、停止しました。</translation>
    </message>
    <message>
        <location line="+28"/>
        <location line="+301"/>
        <source>Reading the command&apos;s output failed.</source>
        <translation>コマンドの出力の読み取りに失敗しました。</translation>
    </message>
    <message>
        <location line="-150"/>
        <source>The server %1 did not answer for %2 seconds; the connection was closed.</source>
        <translation>サーバー %1 が %2 秒間応答しなかったため、接続を閉じました。</translation>
    </message>
    <message>
        <location line="+55"/>
        <location line="+72"/>
        <source>Could not open a channel on the server.</source>
        <translation>サーバー上でチャネルを開けませんでした。</translation>
    </message>
    <message>
        <location line="-66"/>
        <location line="+71"/>
        <source>The server refused to run the command.</source>
        <translation>サーバーがコマンドの実行を拒否しました。</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Could not send input to the command.</source>
        <translation>コマンドに入力を送信できませんでした。</translation>
    </message>
    <message>
        <location line="+89"/>
        <source>The server did not answer within %1 seconds.</source>
        <translation>サーバーが %1 秒以内に応答しませんでした。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 may not use sudo on this server. Ask its administrator, or connect as root.</source>
        <translation>%1 はこのサーバーで sudo を使用できません。サーバー管理者に依頼するか、root として接続してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>sudo is not installed on %1. Connect as root.</source>
        <translation>%1 には sudo がインストールされていません。root として接続してください。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>[sudo] password for %1 on %2:</source>
        <translation>[sudo] %2 上の %1 のパスワード:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The command needs root rights and the sudo password was not given.</source>
        <translation>このコマンドには root 権限が必要ですが、sudo のパスワードが入力されませんでした。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>sudo: 3 incorrect password attempts for %1.</source>
        <translation>sudo: %1 のパスワードの入力を 3 回間違えました。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Could not listen on 127.0.0.1: %1</source>
        <translation>127.0.0.1 で待ち受けできませんでした: %1</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>The server does not offer SFTP (the sftp subsystem).</source>
        <translation>サーバーが SFTP（sftp サブシステム）を提供していません。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1: %2: No such file or directory</source>
        <translation>%1: %2: そのようなファイルやディレクトリはありません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2: Permission denied</source>
        <translation>%1: %2: 許可がありません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2: File exists</source>
        <translation>%1: %2: ファイルが存在します</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2 failed</source>
        <translation>%2 の%1に失敗しました</translation>
    </message>
</context>
<context>
    <name>maildeck::compat::ClientProfile</name>
    <message>
        <location filename="../../core/compat/ClientProfile.cpp" line="+71"/>
        <source>Windows Live Mail 2012</source>
        <translation>Windows Live Mail 2012</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Old phone (TLS 1.0/1.1 only)</source>
        <translation>古い携帯電話 (TLS 1.0/1.1 のみ)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scanner or printer on the LAN</source>
        <translation>LAN 上のスキャナー/プリンター</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Web server sending as the own domain</source>
        <translation>自ドメインの差出人で送信する Web サーバー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Thunderbird (current)</source>
        <translation>Thunderbird (最新版)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Fetches mail with POP3 on port 110 without encryption and sends on port 25 with a computer name (not a full host name) as HELO.</source>
        <translation>ポート 110 の暗号化なし POP3 でメールを受信し、ポート 25 でコンピューター名 (完全なホスト名ではない) を HELO にして送信します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reads mail with IMAP and sends with SMTP, but can only speak TLS 1.0 or 1.1, which current servers refuse.</source>
        <translation>IMAP で読み SMTP で送信しますが、TLS 1.0 か 1.1 しか使えず、現在のサーバーはそれを拒否します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sends scans from one fixed LAN address on port 25 without logging in.</source>
        <translation>LAN の固定アドレス 1 つから、ログインせずにポート 25 でスキャンを送信します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A web server on another network sends mail (forms, notifications) with a sender address of this server&apos;s own domain, on port 25 without logging in.</source>
        <translation>別のネットワークにある Web サーバーが、このサーバーの自ドメインの差出人アドレスで、ログインせずにポート 25 からメール (フォーム、通知) を送信します。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reads mail with IMAP and STARTTLS and sends on port 587 with STARTTLS and a login. It should just work.</source>
        <translation>IMAP と STARTTLS でメールを読み、ポート 587 で STARTTLS とログインを使って送信します。そのまま使えるはずです。</translation>
    </message>
</context>
<context>
    <name>maildeck::compat::Diagnosis</name>
    <message>
        <location filename="../../core/compat/Diagnosis.cpp" line="+467"/>
        <location line="+125"/>
        <location line="+41"/>
        <location line="+30"/>
        <location line="+185"/>
        <location line="+41"/>
        <source>Compatibility: %1 for %2</source>
        <translation>互換性: %2 の %1</translation>
    </message>
    <message>
        <location line="-723"/>
        <location line="+15"/>
        <location line="+17"/>
        <source>%1 was not read.</source>
        <translation>%1 は読み取られていません。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Dovecot gives the client %1 = %2</source>
        <translation>Dovecot がこのクライアントに %1 = %2 を適用する</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Postfix uses %1 = %2</source>
        <translation>Postfix が %1 = %2 を使う</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Dovecot requires TLS for this client (ssl = required): a login without encryption on port 110 is always refused.</source>
        <translation>Dovecot はこのクライアントに TLS を必須にしています (ssl = required)。ポート 110 での暗号化なしのログインは常に拒否されます。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Dovecot refuses passwords sent without encryption for this client (disable_plaintext_auth = yes): Windows Live Mail sends USER/PASS in plain text on port 110.</source>
        <translation>Dovecot はこのクライアントからの暗号化されていないパスワードを拒否します (disable_plaintext_auth = yes)。Windows Live Mail はポート 110 で USER/PASS を平文で送ります。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Postfix rejects the HELO name &quot;%1&quot; on port 25 (reject_non_fqdn_helo_hostname): it is not a full host name. On port 587 with a login this check does not apply.</source>
        <translation>Postfix はポート 25 で HELO 名「%1」を拒否します (reject_non_fqdn_helo_hostname)。完全なホスト名ではないためです。ポート 587 でログインすればこの検査は適用されません。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Tell the user to use POP3 over SSL on port 995 and SMTP on port 587 with STARTTLS and authentication</source>
        <translation>ユーザーに、ポート 995 の POP3 over SSL と、ポート 587 の STARTTLS と認証付き SMTP を使うよう伝える</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None: the server stays as it is and the password is no longer sent in plain text.</source>
        <translation>なし: サーバーはそのままで、パスワードも平文で送られなくなります。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Allow plain-text POP3 logins only from %1 (remote %1 { … })</source>
        <translation>%1 からだけ平文の POP3 ログインを許可する (remote %1 { … })</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The password of every user logging in from %1 crosses the network unencrypted and can be read by anyone on the path. Other addresses are not affected.</source>
        <translation>%1 からログインする全ユーザーのパスワードが暗号化されずにネットワークを流れ、経路上の誰でも読めます。他のアドレスには影響しません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Allow plain-text logins for POP3 (protocol pop3 { … })</source>
        <translation>POP3 で平文ログインを許可する (protocol pop3 { … })</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every POP3 client from anywhere may send its password unencrypted; attackers can read passwords on the network.</source>
        <translation>どこからでもすべての POP3 クライアントがパスワードを暗号化せずに送れます。攻撃者はネットワーク上でパスワードを読めます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Allow plain-text logins everywhere (global setting)</source>
        <translation>すべてで平文ログインを許可する (全体設定)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every protocol (IMAP, POP3, SMTP AUTH through Dovecot) accepts unencrypted passwords from anywhere: the broadest and weakest choice.</source>
        <translation>すべてのプロトコル (IMAP、POP3、Dovecot 経由の SMTP AUTH) が、どこからでも暗号化されていないパスワードを受け付けます。最も広く、最も弱い選択です。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Dovecot accepts TLS %1 or later for this client; the phone only speaks TLS 1.0 or 1.1.</source>
        <translation>Dovecot はこのクライアントに TLS %1 以降しか受け付けませんが、この電話は TLS 1.0 か 1.1 しか使えません。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Postfix&apos;s submission service refuses TLS 1.0/1.1 (%1 = %2).</source>
        <translation>Postfix の submission サービスは TLS 1.0/1.1 を拒否します (%1 = %2)。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Update the phone or use a mail app that supports TLS 1.2</source>
        <translation>電話を更新するか、TLS 1.2 に対応したメールアプリを使う</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None: TLS 1.0 and 1.1 have known weaknesses; keeping them off protects every user.</source>
        <translation>なし: TLS 1.0 と 1.1 には既知の弱点があり、無効のままにすることで全ユーザーを守れます。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source> OpenSSL 3 refuses TLS 1.0/1.1 at its default security level, so the cipher list gets @SECLEVEL=0, which also allows weak keys and hashes for these connections.</source>
        <translation> OpenSSL 3 は既定のセキュリティレベルでは TLS 1.0/1.1 を拒否するため、暗号リストに @SECLEVEL=0 を加えます。これらの接続では弱い鍵やハッシュも許可されます。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Allow TLS 1.0 in Dovecot only for %1 (remote %1 { … })</source>
        <translation>Dovecot で %1 に対してだけ TLS 1.0 を許可する (remote %1 { … })</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connections from %1 may use TLS 1.0, which an attacker on the path may be able to weaken or decrypt.</source>
        <translation>%1 からの接続は TLS 1.0 を使えるようになり、経路上の攻撃者が暗号を弱めたり解読したりできる可能性があります。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Allow TLS 1.0 on the submission port only (master.cf -o overrides)</source>
        <translation>submission ポートだけで TLS 1.0 を許可する (master.cf の -o 上書き)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every client of the submission port may use TLS 1.0; port 25 and the other services keep their settings. Where OpenSSL&apos;s system-wide security level still refuses TLS 1.0, Postfix also needs @SECLEVEL=0 in its cipher list.</source>
        <translation>submission ポートのすべてのクライアントが TLS 1.0 を使えるようになります。ポート 25 と他のサービスの設定は変わりません。OpenSSL のシステム全体のセキュリティレベルがまだ TLS 1.0 を拒否する環境では、Postfix の暗号リストにも @SECLEVEL=0 が必要です。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Allow TLS 1.0 in Dovecot for everyone (global setting)</source>
        <translation>Dovecot で全員に TLS 1.0 を許可する (全体設定)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every IMAP and POP3 client may use TLS 1.0.</source>
        <translation>すべての IMAP と POP3 のクライアントが TLS 1.0 を使えるようになります。</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>iRedAPD&apos;s settings.py was not read.</source>
        <translation>iRedAPD の settings.py は読み取られていません。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>iRedAPD (reject_sender_login_mismatch) rejects mail from %1 with a sender in a local domain (%2) that did not log in: &quot;SMTP AUTH is required for users under this sender domain&quot;. %1 is not in MYNETWORKS, the sender is not in ALLOWED_FORGED_SENDERS, and CHECK_SPF_IF_LOGIN_MISMATCH = %3.</source>
        <translation>iRedAPD (reject_sender_login_mismatch) は、ログインしていない %1 からのローカルドメイン (%2) の差出人のメールを「SMTP AUTH is required for users under this sender domain」で拒否します。%1 は MYNETWORKS になく、差出人は ALLOWED_FORGED_SENDERS になく、CHECK_SPF_IF_LOGIN_MISMATCH = %3 です。</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Postfix does not trust %1 (not in mynetworks): without a login it may not relay to other domains, and a HELO name like &quot;%2&quot; is rejected.</source>
        <translation>Postfix は %1 を信頼していません (mynetworks にない)。ログインなしでは他ドメインへ中継できず、「%2」のような HELO 名は拒否されます。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Configure the scanner to log in (SMTP AUTH) with a mailbox on port 587</source>
        <translation>スキャナーがポート 587 でメールボックスを使ってログイン (SMTP AUTH) するよう設定する</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None on the server, but the scanner must support STARTTLS and a login, and its password is stored in the device.</source>
        <translation>サーバー側はなし。ただしスキャナーが STARTTLS とログインに対応している必要があり、パスワードは機器に保存されます。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Trust %1 in Postfix (mynetworks) and iRedAPD (MYNETWORKS)</source>
        <translation>Postfix (mynetworks) と iRedAPD (MYNETWORKS) で %1 を信頼する</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Anything at %1 may send mail anywhere without a login, as any sender: a compromised or replaced device there can relay spam through this server.</source>
        <translation>%1 にあるものは何でも、ログインなしで任意の差出人としてどこへでもメールを送れます。乗っ取られたり差し替えられたりした機器が、このサーバー経由でスパムを中継できます。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Let the web application send with SMTP AUTH on port 587 (a mailbox for it)</source>
        <translation>Web アプリケーションがポート 587 で SMTP AUTH を使って送信するようにする (専用のメールボックス)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>None: the server keeps requiring a login for senders of its own domains.</source>
        <translation>なし: サーバーは自ドメインの差出人に引き続きログインを要求します。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Accept unauthenticated senders of a local domain from hosts listed in that domain&apos;s SPF record (CHECK_SPF_IF_LOGIN_MISMATCH = True)</source>
        <translation>ローカルドメインの SPF レコードにあるホストからは、認証なしのそのドメインの差出人を受け付ける (CHECK_SPF_IF_LOGIN_MISMATCH = True)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Works only if %1 is in the SPF record of %2. Every host in the SPF records of your domains may then send as any address of that domain without a login.</source>
        <translation>%1 が %2 の SPF レコードにある場合だけ有効です。自ドメインの SPF レコードにあるすべてのホストが、ログインなしでそのドメインの任意のアドレスとして送信できるようになります。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Trust %1 in iRedAPD (MYNETWORKS)</source>
        <translation>iRedAPD (MYNETWORKS) で %1 を信頼する</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 skips iRedAPD&apos;s sender checks (and other policy checks): it may send as any address of your domains.</source>
        <translation>%1 は iRedAPD の差出人検査 (とその他のポリシー検査) を受けなくなり、自ドメインの任意のアドレスとして送信できます。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Allow %1 as sender without a login from anywhere (ALLOWED_FORGED_SENDERS)</source>
        <translation>どこからでもログインなしで %1 を差出人として許可する (ALLOWED_FORGED_SENDERS)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Any host on the internet may send mail as %1 without a login; spammers can forge it freely.</source>
        <translation>インターネット上のどのホストもログインなしで %1 としてメールを送れます。スパマーが自由に偽装できます。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Dovecot has TLS switched off (ssl = no).</source>
        <translation>Dovecot の TLS が無効になっています (ssl = no)。</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>&quot;%1&quot; is not an IP address.</source>
        <translation>「%1」は IP アドレスではありません。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Nothing blocks this client: it passes, no change is needed.</source>
        <translation>このクライアントを妨げるものはありません。そのまま通るので変更は不要です。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No session or no client address.</source>
        <translation>セッションまたはクライアントのアドレスがありません。</translation>
    </message>
</context>
<context>
    <name>maildeck::compat::Probe</name>
    <message>
        <location filename="../../core/compat/Probe.cpp" line="+23"/>
        <source>plain</source>
        <translation>平文</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+646"/>
        <location line="+8"/>
        <location line="+185"/>
        <location line="+9"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="-846"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>SMTP EHLO %1</source>
        <translation>SMTP EHLO %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP relay as %1</source>
        <translation>SMTP 中継（%1 として）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP AUTH</source>
        <translation>SMTP AUTH</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>POP3</source>
        <translation>POP3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POP3 USER/PASS</source>
        <translation>POP3 USER/PASS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP LOGIN</source>
        <translation>IMAP LOGIN</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1, %2 only</source>
        <translation>%1、%2 のみ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 on %2 (%3)</source>
        <translation>%1、ポート %2（%3）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 from %2</source>
        <translation>%1、送信元 %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The server&apos;s reply is not SMTP: &quot;%1&quot;.</source>
        <translation>サーバーの応答が SMTP ではありません:「%1」</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server&apos;s multi-line reply mixes codes %1 and %2.</source>
        <translation>サーバーの複数行応答にコード %1 と %2 が混在しています。</translation>
    </message>
    <message>
        <location line="+192"/>
        <source>TLS handshake</source>
        <translation>TLS ハンドシェイク</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Connected from %1 port %2 to %3 port %4.</source>
        <translation>%1 のポート %2 から %3 のポート %4 に接続しました。</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+14"/>
        <source>Greeting</source>
        <translation>グリーティング</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>%1, cipher %2</source>
        <translation>%1、暗号スイート %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+440"/>
        <source>Capabilities</source>
        <translation>機能一覧</translation>
    </message>
    <message>
        <location line="-428"/>
        <source>The server&apos;s certificate is not trusted: %1</source>
        <translation>サーバーの証明書は信頼されていません: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot connect to %1 port %2: %3</source>
        <translation>%1 のポート %2 に接続できません: %3</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The TLS handshake failed; the probe offered only %1, which the server may not accept: %2</source>
        <translation>TLS ハンドシェイクに失敗しました。プローブは %1 のみを提示しましたが、サーバーが受け付けていない可能性があります: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The TLS handshake failed: %1</source>
        <translation>TLS ハンドシェイクに失敗しました: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(connection closed)</source>
        <translation>（接続が閉じられました）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server closed the connection during &quot;%1&quot;.</source>
        <translation>「%1」の途中でサーバーが接続を閉じました。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Network error: %1</source>
        <translation>ネットワークエラー: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No answer from the server within %1 s during &quot;%2&quot;.</source>
        <translation>「%2」の途中で %1 秒以内にサーバーから応答がありませんでした。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+10"/>
        <source>The server sent a line longer than %1 bytes.</source>
        <translation>サーバーが %1 バイトを超える行を送信しました。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The server&apos;s reply has more than %1 lines.</source>
        <translation>サーバーの応答が %1 行を超えています。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>EHLO</source>
        <translation>EHLO</translation>
    </message>
    <message>
        <location line="+38"/>
        <location line="+184"/>
        <location line="+79"/>
        <source>The server refused the connection: %1</source>
        <translation>サーバーが接続を拒否しました: %1</translation>
    </message>
    <message>
        <location line="-249"/>
        <source>HELO</source>
        <translation>HELO</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server refused EHLO %1: %2</source>
        <translation>サーバーが EHLO %1 を拒否しました: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused HELO %1: %2</source>
        <translation>サーバーが HELO %1 を拒否しました: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+283"/>
        <source>The server refused STARTTLS: %1</source>
        <translation>サーバーが STARTTLS を拒否しました: %1</translation>
    </message>
    <message>
        <location line="-274"/>
        <location line="+8"/>
        <location line="+13"/>
        <location line="+151"/>
        <location line="+110"/>
        <source>The login was refused: %1</source>
        <translation>ログインが拒否されました: %1</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Login: user name</source>
        <translation>ログイン: ユーザー名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (user name, base64)</source>
        <translation>%1（ユーザー名、base64）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Login: password</source>
        <translation>ログイン: パスワード</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused the sender: %1</source>
        <translation>サーバーが送信者を拒否しました: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The server refused the recipient %1: %2</source>
        <translation>サーバーが宛先 %1 を拒否しました: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+65"/>
        <location line="+62"/>
        <location line="+19"/>
        <source>QUIT</source>
        <translation>QUIT</translation>
    </message>
    <message>
        <location line="-139"/>
        <location line="+127"/>
        <location line="+110"/>
        <source>Unexpected reply from the server: %1</source>
        <translation>サーバーから予期しない応答がありました: %1</translation>
    </message>
    <message>
        <location line="-224"/>
        <location line="+192"/>
        <source>The server does not offer STARTTLS on port %1.</source>
        <translation>サーバーはポート %1 で STARTTLS を提供していません。</translation>
    </message>
    <message>
        <location line="-177"/>
        <location line="+6"/>
        <location line="+2"/>
        <location line="+214"/>
        <location line="+8"/>
        <source>Login</source>
        <translation>ログイン</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>The server offers no login (AUTH) on port %1.</source>
        <translation>サーバーはポート %1 でログイン（AUTH）を提供していません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server offers no login (AUTH) on port %1 before TLS.</source>
        <translation>サーバーはポート %1 で TLS 開始前にはログイン（AUTH）を提供していません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server offers only %1 for login, which the probe does not speak.</source>
        <translation>サーバーがログインに提供しているのは %1 のみで、プローブはこれに対応していません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sender</source>
        <translation>送信者</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reset</source>
        <translation>リセット</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server&apos;s reply is not POP3: &quot;%1&quot;.</source>
        <translation>サーバーの応答が POP3 ではありません:「%1」</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>STLS</source>
        <translation>STLS</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server refused STLS: %1</source>
        <translation>サーバーが STLS を拒否しました: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The server refused USER: %1</source>
        <translation>サーバーが USER を拒否しました: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PASS</source>
        <translation>PASS</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>USER</source>
        <translation>USER</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+18"/>
        <source>The server&apos;s reply is not IMAP: &quot;%1&quot;.</source>
        <translation>サーバーの応答が IMAP ではありません:「%1」</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Unexpected continuation request from the server: %1</source>
        <translation>サーバーから予期しない継続要求がありました: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The server refused CAPABILITY: %1</source>
        <translation>サーバーが CAPABILITY を拒否しました: %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+15"/>
        <source>LOGOUT</source>
        <translation>LOGOUT</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The user name or password contains a line break, which IMAP LOGIN cannot send.</source>
        <translation>ユーザー名またはパスワードに改行が含まれているため、IMAP LOGIN では送信できません。</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Connect</source>
        <translation>接続</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not an IP address</source>
        <translation>IP アドレスではありません</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot use %1 as the local address: %2</source>
        <translation>%1 をローカルアドレスとして使用できません: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The probe was cancelled.</source>
        <translation>プローブは取り消されました。</translation>
    </message>
</context>
<context>
    <name>maildeck::config</name>
    <message>
        <source>Could not read the change history on the server.</source>
        <translation type="vanished">サーバー上の変更履歴を読めませんでした。</translation>
    </message>
</context>
<context>
    <name>maildeck::config::ChangeHistory</name>
    <message>
        <location filename="../../core/config/ChangeHistory.cpp" line="+29"/>
        <source>Could not read the change history on the server.</source>
        <translation>サーバーの変更履歴を読み込めませんでした。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>&quot;%1&quot; is not a change set id.</source>
        <translation>「%1」は変更セットの ID ではありません。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The server&apos;s change history has no change set %1.</source>
        <translation>サーバーの変更履歴に変更セット %1 はありません。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Change set %1 was not applied; there is nothing to revert.</source>
        <translation>変更セット %1 は適用されていないため、元に戻すものはありません。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Not reverted: %1 was changed on the server after this change set (it no longer holds what the change set wrote).</source>
        <translation>元に戻していません: %1 はこの変更セットの後にサーバー上で変更されています(変更セットが書き込んだ内容ではなくなっています)。</translation>
    </message>
</context>
<context>
    <name>maildeck::config::ChangeSetRunner</name>
    <message>
        <location filename="../../core/config/ChangeSetRunner.cpp" line="+157"/>
        <source>New warnings:</source>
        <translation>新しい警告:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cancelled.</source>
        <translation>キャンセルされました。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 was changed on the server since it was read; nothing was changed.</source>
        <translation>%1 は読み込み後にサーバー上で変更されています。何も変更していません。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Validation failed: %1</source>
        <translation>検証に失敗しました: %1</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>MailDeck stopped following the change; its outcome is in the server&apos;s history.</source>
        <translation>MailDeck は変更の追跡を中止しました。結果はサーバーの変更履歴に記録されます。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Another change is being applied.</source>
        <translation>別の変更を適用中です。</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not connected.</source>
        <translation>接続されていません。</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>A step failed after the files were replaced; the old files were put back.</source>
        <translation>ファイルの置き換え後に手順が失敗したため、元のファイルに戻しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A check failed before anything was replaced; nothing was changed.</source>
        <translation>置き換え前のチェックが失敗しました。何も変更していません。</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Uploading the new files to the server failed; nothing was changed.</source>
        <translation>新しいファイルのサーバーへのアップロードに失敗しました。何も変更していません。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>The change could not be started on the server.</source>
        <translation>サーバー上で変更を開始できませんでした。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The connection to the server was lost while the change was being applied. It goes on on the server; its outcome will be in the change history.</source>
        <translation>変更の適用中にサーバーとの接続が切れました。変更はサーバー上で続行され、結果は変更履歴に記録されます。</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The change was undone: %1</source>
        <translation>変更を取り消しました: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled; nothing was changed.</source>
        <translation>キャンセルしました。何も変更していません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The change failed.</source>
        <translation>変更に失敗しました。</translation>
    </message>
</context>
<context>
    <name>maildeck::config::ServerConfigReader</name>
    <message>
        <location filename="../../core/config/ServerConfigReader.cpp" line="+122"/>
        <source>The server&apos;s answer while reading configuration files was garbled.</source>
        <translation>設定ファイルの読み取り中にサーバーから届いた応答が壊れていました。</translation>
    </message>
    <message>
        <location line="+154"/>
        <source>%1 %2: the files do not set it, %3 says &quot;%4&quot;</source>
        <translation>%1 %2: ファイルでは設定されていませんが、%3 は「%4」と報告しています</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 %2: the files say &quot;%3&quot; (%4), the server&apos;s tool does not list it</source>
        <translation>%1 %2: ファイルでは「%3」(%4) ですが、サーバーのツールには表示されません</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 %2: the files say &quot;%3&quot; (%4), the server&apos;s tool says &quot;%5&quot;</source>
        <translation>%1 %2: ファイルでは「%3」(%4) ですが、サーバーのツールは「%5」と報告しています</translation>
    </message>
    <message>
        <location line="+135"/>
        <location line="+355"/>
        <source>None of the mail server&apos;s configuration files could be read.</source>
        <translation>メールサーバーの設定ファイルを一つも読み取れませんでした。</translation>
    </message>
    <message>
        <location line="-191"/>
        <source>Reading the server&apos;s configuration was cancelled.</source>
        <translation>サーバー設定の読み取りを中止しました。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>There is no connection to the server.</source>
        <translation>サーバーに接続していません。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Reading the mail server&apos;s configuration</source>
        <translation>メールサーバーの設定を読み取っています</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 could not be read.</source>
        <translation>%1 を読み取れませんでした。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 failed (exit status %2).</source>
        <translation>%1 が失敗しました (終了ステータス %2)。</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reading Dovecot&apos;s configuration files</source>
        <translation>Dovecot の設定ファイルを読み取っています</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
</context>
<context>
    <name>maildeck::db</name>
    <message>
        <location filename="../../core/db/DbTlsProbe.cpp" line="+61"/>
        <source>TLS is not available in this installation of Qt (no TLS backend); cannot verify %1.</source>
        <translation>この Qt には TLS が組み込まれていない（TLS バックエンドがない）ため、%1 を検証できません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The CA file %1 could not be read or holds no PEM certificate.</source>
        <translation>CA ファイル %1 を読み込めないか、PEM 形式の証明書が含まれていません。</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+6"/>
        <location line="+22"/>
        <source>Cannot connect to the database server at %1: %2</source>
        <translation>%1 のデータベースサーバーに接続できません: %2</translation>
    </message>
    <message>
        <location line="-24"/>
        <location line="+5"/>
        <source>%1 did not answer like a MariaDB/MySQL server.</source>
        <translation>%1 は MariaDB/MySQL サーバーとして応答しませんでした。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The database server at %1 does not offer TLS, but the profile requires it.</source>
        <translation>%1 のデータベースサーバーは TLS に対応していませんが、プロファイルでは TLS が必須になっています。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The database server&apos;s certificate is not valid for %1: %2</source>
        <translation>データベースサーバーの証明書は %1 に対して有効ではありません: %2</translation>
    </message>
</context>
<context>
    <name>maildeck::delegation::DelegationDbAccount</name>
    <message>
        <location filename="../../core/delegation/DelegationDbAccount.cpp" line="+39"/>
        <source>The server has no mysql/mariadb client to set up the database account with.</source>
        <translation>サーバーにデータベースアカウントを作成するための mysql/mariadb クライアントがありません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Setting up the database account %1 failed on the server (exit status %2): %3</source>
        <translation>サーバーでのデータベースアカウント %1 の作成に失敗しました（終了ステータス %2）: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no message</source>
        <translation>メッセージなし</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Only the server&apos;s global admin, connected over SSH, can set up the database account.</source>
        <translation>データベースアカウントを作成できるのは、SSH で接続したサーバーのグローバル管理者だけです。</translation>
    </message>
</context>
<context>
    <name>maildeck::lists</name>
    <message>
        <location filename="../../core/lists/MailingLists.cpp" line="-62"/>
        <source>The server connection is not open.</source>
        <translation>サーバーへの接続が開かれていません。</translation>
    </message>
</context>
<context>
    <name>maildeck::lists::MailingLists</name>
    <message>
        <location line="+118"/>
        <source>There is no such mailing list directory on the server (%1).</source>
        <translation>サーバー上にそのメーリングリストのディレクトリはありません（%1）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list&apos;s files were changed on the server since they were read (another console or the mlmmj admin API?). Reload and try again.</source>
        <translation>リストのファイルは、読み込み後にサーバー上で変更されています（別のコンソールまたは mlmmj の管理 API によるものかもしれません）。再読み込みしてから、もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A mailing list directory exists already (%1).</source>
        <translation>メーリングリストのディレクトリは既に存在します（%1）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not %1 on the server; nothing was changed.</source>
        <translation>サーバー上での%1に失敗しました。何も変更されていません。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Line %1, &quot;%2&quot;: %3</source>
        <translation>%1 行目「%2」: %3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>read %1</source>
        <translation>%1 の読み込み</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>create %1</source>
        <translation>%1 の作成</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 The list directory %2 could not be removed again; remove it by hand.</source>
        <translation>%1 さらに、リストディレクトリ %2 を削除して元に戻すことができませんでした。手動で削除してください。</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>%1 The control files of %2 could not be restored; their backup is in %2/.maildeck-*.</source>
        <translation>%1 さらに、%2 の制御ファイルを復元できませんでした。バックアップは %2/.maildeck-* にあります。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>change the control files of %1</source>
        <translation>%1 の制御ファイルの変更</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>count the subscribers in %1</source>
        <translation>%1 の購読者数を数える</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>inspect %1</source>
        <translation>%1 の調査</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no mailing list %1 on this server.</source>
        <translation>このサーバーにはメーリングリスト %1 はありません。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>The list&apos;s database rows were deleted, but its directory could not be archived or deleted: it is left in %1/.maildeck-del-* beside the lists.</source>
        <translation>リストのデータベースの行は削除されましたが、ディレクトリをアーカイブまたは削除できませんでした。ディレクトリは他のリストと同じ場所の %1/.maildeck-del-* に残っています。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 The list directory could not be moved back to %2: it is in .maildeck-del-* beside it.</source>
        <translation>%1 さらに、リストディレクトリを %2 に戻せませんでした。同じ場所の .maildeck-del-* にあります。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>remove %1</source>
        <translation>%1 の削除</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>list the subscribers of %1</source>
        <translation>%1 の購読者一覧の取得</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>subscribe to %1</source>
        <translation>%1 への購読登録</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>unsubscribe from %1</source>
        <translation>%1 からの購読解除</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>import subscribers to %1</source>
        <translation>%1 への購読者のインポート</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>remove subscribers of %1</source>
        <translation>%1 の購読者の削除</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>export the subscribers of %1</source>
        <translation>%1 の購読者のエクスポート</translation>
    </message>
</context>
<context>
    <name>maildeck::logs::LogTail</name>
    <message>
        <location filename="../../core/logs/LogTail.cpp" line="+241"/>
        <source>The SSH session is gone.</source>
        <translation>SSH セッションがありません。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>python3 is needed to follow a log file and was not found.</source>
        <translation>ログファイルの追従には python3 が必要ですが、見つかりませんでした。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The log reader on the server sent something unexpected.</source>
        <translation>サーバー上のログ読み取りプログラムが想定外のデータを送ってきました。</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>The server cannot follow %1.</source>
        <translation>サーバーで %1 を追従できません。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>The server has no python3, which MailDeck needs to follow its log.</source>
        <translation>サーバーに python3 がありません。MailDeck がログを追従するには必要です。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The log reader on the server stopped (exit status %1).</source>
        <translation>サーバー上のログ読み取りプログラムが停止しました（終了ステータス %1）。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::AccountCredentialsDialog</name>
    <message>
        <location filename="../../ui/delegation/AccountCredentialsDialog.cpp" line="+20"/>
        <source>Database Account of %1</source>
        <translation>%1 のデータベースアカウント</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The domain administrator %1 logs in to the database with this account. Pass the password on safely: it is shown only now, and MailDeck does not keep it.</source>
        <translation>ドメイン管理者 %1 はこのアカウントでデータベースにログインします。パスワードは安全な方法で渡してください。表示されるのは今だけで、MailDeck は保存しません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Copy</source>
        <translation>コピー(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copied</source>
        <translation>コピーしました</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account:</source>
        <translation>アカウント:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::AddressListEditor</name>
    <message>
        <location filename="../../ui/domains/AddressListEditor.cpp" line="+24"/>
        <source>user@example.com</source>
        <translation>user@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove</source>
        <translation>削除(&amp;R)</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>&quot;%1&quot;: a wildcard (*@domain) is not allowed here; type one address.</source>
        <translation>&quot;%1&quot;: ここではワイルドカード（*@domain）は使えません。アドレスを 1 つ入力してください。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&quot;%1&quot;: %2</source>
        <translation>「%1」: %2</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::AliasDomainDialog</name>
    <message>
        <location filename="../../ui/domains/AliasDomainDialog.cpp" line="+21"/>
        <source>New Alias Domain for %1</source>
        <translation>%1 の新しいエイリアスドメイン</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>example.net</source>
        <translation>example.net</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail to anyone@&lt;alias domain&gt; is delivered to anyone@%1. The alias domain&apos;s MX record must point to this server.</source>
        <translation>anyone@&lt;エイリアスドメイン&gt; 宛てのメールは anyone@%1 に配送されます。エイリアスドメインの MX レコードがこのサーバーを指している必要があります。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Alias domain:</source>
        <translation>エイリアスドメイン(&amp;A):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Target domain:</source>
        <translation>対象ドメイン:</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A domain cannot be an alias of itself.</source>
        <translation>ドメインを自分自身のエイリアスにすることはできません。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>create alias domain %1</source>
        <translation>エイリアスドメイン %1 の作成</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::AliasEditorDialog</name>
    <message>
        <location filename="../../ui/domains/AliasEditorDialog.cpp" line="+25"/>
        <source>Anyone may send to it (public)</source>
        <translation>誰でも送信できる (public)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only senders of this domain (domain)</source>
        <translation>このドメインの送信者だけ (domain)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Senders of this domain and its subdomains (subdomain)</source>
        <translation>このドメインとそのサブドメインの送信者 (subdomain)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only its members (membersonly)</source>
        <translation>メンバーだけ (membersonly)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only its moderators (moderatorsonly)</source>
        <translation>モデレーターだけ (moderatorsonly)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Members and moderators (membersandmoderatorsonly)</source>
        <translation>メンバーとモデレーター (membersandmoderatorsonly)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New Alias in %1</source>
        <translation>%1 の新しいエイリアス</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit Alias %1</source>
        <translation>エイリアス %1 の編集</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>sales</source>
        <translation>sales</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Who may send to this alias; iRedAPD enforces it.</source>
        <translation>このエイリアス宛てに送信できる送信者（iRedAPD が適用します）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Active</source>
        <translation>有効(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Address:</source>
        <translation>アドレス(&amp;A):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who may &amp;send:</source>
        <translation>送信を許可する相手(&amp;S):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Members (mail to the alias goes to each of them)</source>
        <translation>メンバー（エイリアス宛てのメールは各メンバーに配送されます）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add members: user@example.com, …</source>
        <translation>メンバーを追加: user@example.com, …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Moderators</source>
        <translation>モデレーター</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add moderators: user@example.com, *@example.com, …</source>
        <translation>モデレーターを追加: user@example.com、*@example.com、…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moderators matter only for the policies &quot;moderators&quot; and &quot;members and moderators&quot;: they may send to the alias. *@example.com stands for every address in example.com.</source>
        <translation>モデレーターはポリシー「モデレーター」と「メンバーとモデレーター」でのみ意味を持ち、エイリアスに送信できます。*@example.com は example.com のすべてのアドレスを表します。</translation>
    </message>
    <message>
        <source>Add moderators: user@example.com, …</source>
        <translation type="vanished">モデレーターを追加: user@example.com, …</translation>
    </message>
    <message>
        <source>Moderators matter only for the policies &quot;moderators&quot; and &quot;members and moderators&quot;: they may send to the alias.</source>
        <translation type="vanished">モデレーターはポリシーが「モデレーター」または「メンバーとモデレーター」のときだけ意味を持ち、このエイリアスに送信できます。</translation>
    </message>
    <message>
        <location line="+114"/>
        <source>edit alias %1</source>
        <translation>エイリアス %1 の編集</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>create alias %1</source>
        <translation>エイリアス %1 の作成</translation>
    </message>
    <message>
        <source>Moderators matter only for the policies &quot;moderators&quot; and &quot;members and moderators&quot;. They are shown here; editing them is not available yet.</source>
        <translation type="vanished">モデレーターが意味を持つのは、ポリシーが「モデレーター」または「メンバーとモデレーター」の場合だけです。ここに表示はされますが、編集にはまだ対応していません。</translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Type only the part before the @; the domain is %1.</source>
        <translation>@ より前の部分だけを入力してください。ドメインは %1 です。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>An alias cannot be its own member.</source>
        <translation>エイリアス自身をメンバーにすることはできません。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::AliasOverviewModel</name>
    <message>
        <location filename="../../ui/domains/AliasOverviewModel.cpp" line="+384"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delivered to</source>
        <translation>配送先</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Notes</source>
        <translation>備考</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Alias accounts</source>
        <translation>エイリアスアカウント</translation>
    </message>
    <message>
        <location line="-300"/>
        <source>who may send: %1</source>
        <translation>送信を許可: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <location line="+301"/>
        <source>Forwardings</source>
        <translation>転送</translation>
    </message>
    <message>
        <location line="-285"/>
        <source>keeps a copy in the mailbox</source>
        <translation>メールボックスにコピーを保存</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no copy kept in the mailbox</source>
        <translation>メールボックスにコピーを保存しない</translation>
    </message>
    <message>
        <location line="+287"/>
        <source>Alias addresses of users</source>
        <translation>ユーザーのエイリアスアドレス</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Alias domains</source>
        <translation>エイリアスドメイン</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 (loading…)</source>
        <translation>%1 (読み込み中…)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2, loading…)</source>
        <translation>%1 (%2、読み込み中…)</translation>
    </message>
    <message>
        <location line="-287"/>
        <source>x@%1 goes to x@%2</source>
        <translation>x@%1 宛ては x@%2 へ</translation>
    </message>
    <message>
        <location line="+281"/>
        <source>Catch-all</source>
        <translation>キャッチオール</translation>
    </message>
    <message>
        <location line="-274"/>
        <source>any unknown address @%1</source>
        <translation>@%1 の存在しない全アドレス</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ApplyPage</name>
    <message>
        <location filename="../../ui/compat/CompatWizardPages.cpp" line="+732"/>
        <source>Applying the change</source>
        <translation>変更の適用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every step is checked; if one fails, the old files are put back automatically.</source>
        <translation>各手順を確認しながら進めます。失敗した場合は元のファイルが自動的に戻されます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stops before the new files are installed; nothing changes.</source>
        <translation>新しいファイルの設置前に中止します。何も変更されません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Diagnose Again</source>
        <translation>もう一度診断(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reads the server&apos;s configuration again and shows the options, to choose another one.</source>
        <translation>サーバーの設定を読み直して対処案を表示し、別の案を選べるようにします。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Nothing to apply.</source>
        <translation>適用するものがありません。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The new files are being installed; it can no longer be stopped (a failure puts the old ones back).</source>
        <translation>新しいファイルを設置中のため、もう中止できません(失敗した場合は元のファイルに戻されます)。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rolling back: %1</source>
        <translation>ロールバック中: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection dropped; the change goes on on the server. Reconnecting…</source>
        <translation>接続が切れました。変更はサーバー上で続行されています。再接続しています…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Starting…</source>
        <translation>開始しています…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The outcome is not known: %1 %2. The server&apos;s change history has it once the server is reachable.</source>
        <translation>結果が不明です: %1 %2。サーバーに接続できるようになれば、サーバーの変更履歴で確認できます。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Applied. Next: prove that the client gets through.</source>
        <translation>適用しました。次へ: クライアントが通ることを確認します。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rolled back: the old files are in place again. %1</source>
        <translation>ロールバックしました。元のファイルに戻っています。%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not applied: %1. Nothing was changed.</source>
        <translation>適用されませんでした: %1。何も変更されていません。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Stopping: the old files are being put back…</source>
        <translation>中止しています。元のファイルに戻しています…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stopping…</source>
        <translation>中止しています…</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::AuditLogDialog</name>
    <message>
        <location filename="../../ui/delegation/AuditLogDialog.cpp" line="+58"/>
        <source>Audit Log</source>
        <translation>監査ログ</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>any admin</source>
        <translation>すべての管理者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any domain</source>
        <translation>すべてのドメイン</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>any action (or a prefix such as mailbox.)</source>
        <translation>すべての操作（または mailbox. などの接頭辞）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;From:</source>
        <translation>開始(&amp;F):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Until:</source>
        <translation>終了(&amp;U):</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Search</source>
        <translation>検索(&amp;S)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Domain:</source>
        <translation>ドメイン(&amp;D):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;ction:</source>
        <translation>操作(&amp;C):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Admin:</source>
        <translation>管理者(&amp;A):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Time:</source>
        <translation>期間:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Admin</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Object</source>
        <translation>対象</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database account</source>
        <translation>データベースアカウント</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Copy Row</source>
        <translation>行をコピー(&amp;C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a row to see what changed.</source>
        <translation>行を選ぶと変更内容が表示されます。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Older</source>
        <translation>さらに古い行(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copy &amp;Row</source>
        <translation>行をコピー(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>There are no older rows.</source>
        <translation>これより古い行はありません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No audit entries match this filter.</source>
        <translation>この条件に合う監査記録はありません。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 by %2 (%3) at %4 UTC</source>
        <translation>%1（実行: %2、%3）%4 UTC</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Object: %1</source>
        <translation>対象: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No field values were recorded.</source>
        <translation>項目の値は記録されていません。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Created with:</source>
        <translation>作成時の内容:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted; it was:</source>
        <translation>削除されました。削除前の内容:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No field changed.</source>
        <translation>変更された項目はありません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed:</source>
        <translation>変更:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unchanged:</source>
        <translation>変更なし:</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::CatchAllDialog</name>
    <message>
        <location filename="../../ui/domains/CatchAllDialog.cpp" line="+18"/>
        <source>Catch-all of %1</source>
        <translation>%1 のキャッチオール</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail to any address of %1 that has no mailbox, alias or list goes to these addresses. Leave the list empty to have such mail rejected. A catch-all attracts spam sent to guessed addresses.</source>
        <translation>%1 のアドレスのうち、メールボックス、エイリアス、メーリングリストのいずれも存在しないアドレス宛てのメールは、これらのアドレスに配送されます。そのようなメールを拒否するには、リストを空にしてください。キャッチオールを設定すると、推測したアドレス宛てに送られるスパムも受け取ることになります。</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>create the catch-all of %1</source>
        <translation>%1 のキャッチオールの作成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>edit the catch-all of %1</source>
        <translation>%1 のキャッチオールの編集</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The catch-all of %1</source>
        <translation>%1 のキャッチオール</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ChangeHistoryDialog</name>
    <message>
        <location filename="../../ui/compat/ChangeHistoryDialog.cpp" line="+29"/>
        <source>Configuration Changes — %1</source>
        <translation>設定の変更 — %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>&amp;Revert…</source>
        <translation>元に戻す(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Put back the files as they were before the selected change.</source>
        <translation>選択した変更の前の状態にファイルを戻します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;load</source>
        <translation>再読み込み(&amp;L)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Not connected to the server.</source>
        <translation>サーバーに接続していません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading the change history…</source>
        <translation>変更履歴を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot read the change history: %1</source>
        <translation>変更履歴を読み込めません: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No configuration change was made with MailDeck on this server.</source>
        <translation>このサーバーでは MailDeck による設定の変更はまだありません。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n change(s).</source>
        <translation>
            <numerusform>%n 件の変更。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Cannot read this change: %1</source>
        <translation>この変更を読み込めません: %1</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Revert the change?</source>
        <translation>変更を元に戻しますか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revert &quot;%1&quot;? These files get back the content they had before it:

%2

The services are reloaded; if anything fails, nothing changes.</source>
        <translation>「%1」を元に戻しますか? 次のファイルが変更前の内容に戻ります:

%2

サービスは再読み込みされます。途中で失敗した場合は何も変更されません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Planning the revert…</source>
        <translation>元に戻す手順を準備しています…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot revert: %1</source>
        <translation>元に戻せません: %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reverting…</source>
        <translation>元に戻しています…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reverted.</source>
        <translation>元に戻しました。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The revert did not go through: %1</source>
        <translation>元に戻す処理が完了しませんでした: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Revert in progress</source>
        <translation>元に戻す処理の実行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wait until the revert has finished; it shows its outcome here.</source>
        <translation>元に戻す処理が終わるまでお待ちください。結果はここに表示されます。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ChangeHistoryModel</name>
    <message>
        <location filename="../../ui/compat/ChangeHistoryModel.cpp" line="+33"/>
        <source>Planned</source>
        <translation>予定</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Applied</source>
        <translation>適用済み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed (rolled back)</source>
        <translation>失敗(ロールバック済み)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reverted</source>
        <translation>元に戻し済み</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Applied, then reverted</source>
        <translation>適用後に元に戻しました</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reverted by change set %1</source>
        <translation>変更セット %1 で元に戻しました</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By %1</source>
        <translation>実行者: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Time</source>
        <translation>日時</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change</source>
        <translation>変更</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Files</source>
        <translation>ファイル</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/domains/ChangePasswordDialog.cpp" line="+25"/>
        <source>Change Password of %1</source>
        <translation>%1 のパスワード変更</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mailbox:</source>
        <translation>メールボックス:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored now as:</source>
        <translation>現在のハッシュ方式:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>新しいパスワード(&amp;N):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash &amp;scheme:</source>
        <translation>ハッシュ方式(&amp;S):</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Change Password</source>
        <translation>パスワードを変更(&amp;C)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The password is empty.</source>
        <translation>パスワードが空です。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>change the password of %1</source>
        <translation>%1 のパスワード変更</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ClientPage</name>
    <message>
        <location filename="../../ui/compat/CompatWizardPages.cpp" line="-771"/>
        <source>Which client does not work?</source>
        <translation>どのクライアントが動作しませんか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the kind of client, then say who it is. The password is only used for the test login at the end; it is never stored.</source>
        <translation>クライアントの種類を選び、その情報を入力してください。パスワードは最後のテストログインにのみ使われ、保存されることはありません。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>e.g. 203.0.113.25</source>
        <translation>例: 203.0.113.25</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>as the client sends it, e.g. HOME-PC</source>
        <translation>クライアントが送るとおりに。例: HOME-PC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full address, e.g. user@example.com</source>
        <translation>完全なアドレス。例: user@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>only for the test login; never stored</source>
        <translation>テストログイン専用。保存されません</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>envelope sender, e.g. web@example.com</source>
        <translation>エンベロープ送信者。例: web@example.com</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a recipient, e.g. someone@example.net</source>
        <translation>宛先。例: someone@example.net</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client &amp;IP address:</source>
        <translation>クライアントの IP アドレス(&amp;I):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;HELO name:</source>
        <translation>HELO 名(&amp;H):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sender:</source>
        <translation>送信者(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Recipient:</source>
        <translation>宛先(&amp;R):</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Choose the kind of client.</source>
        <translation>クライアントの種類を選んでください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the client&apos;s IP address as the server sees it.</source>
        <translation>サーバーから見えるクライアントの IP アドレスを入力してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&quot;%1&quot; is not an IP address (for example 203.0.113.25 or 2001:db8::25).</source>
        <translation>「%1」は IP アドレスではありません(例: 203.0.113.25、2001:db8::25)。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the HELO name the client sends (its log line shows it as helo=&lt;…&gt;).</source>
        <translation>クライアントが送る HELO 名を入力してください(ログでは helo=&lt;…&gt; と表示されます)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A HELO name has no spaces.</source>
        <translation>HELO 名に空白は使えません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter the user the client logs in as.</source>
        <translation>クライアントがログインするユーザーを入力してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the user&apos;s password: the wizard logs in as the client to prove the fix. It is not stored.</source>
        <translation>ユーザーのパスワードを入力してください。ウィザードは修正を確かめるためにクライアントとしてログインします。パスワードは保存されません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Enter the sender address the client uses (user@domain).</source>
        <translation>クライアントが使う送信者アドレスを入力してください(user@domain)。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter a recipient address (user@domain).</source>
        <translation>宛先アドレスを入力してください(user@domain)。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The sender must be an address (user@domain).</source>
        <translation>送信者はアドレス(user@domain)で入力してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The recipient must be an address (user@domain).</source>
        <translation>宛先はアドレス(user@domain)で入力してください。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::CompatWizard</name>
    <message>
        <location filename="../../ui/compat/CompatWizard.cpp" line="+17"/>
        <source>Client Compatibility Wizard — %1</source>
        <translation>クライアント互換性ウィザード — %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Apply</source>
        <translation>適用(&amp;A)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Started from the event of %1 from %2.</source>
        <translation>%1 の %2 からのイベントから開始しました。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>unknown time</source>
        <translation>不明な日時</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an unknown client</source>
        <translation>不明なクライアント</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Change in progress</source>
        <translation>変更の実行中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MailDeck is changing the server&apos;s configuration right now. Stop it? Before the new files are installed nothing changes; after that the old files are put back.</source>
        <translation>MailDeck は現在サーバーの設定を変更しています。中止しますか? 新しいファイルの設置前であれば何も変更されず、設置後であれば元のファイルに戻されます。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ConnectDialog</name>
    <message>
        <location filename="../../ui/connection/ConnectDialog.cpp" line="+46"/>
        <source>Connecting</source>
        <translation>接続中</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reaching the server</source>
        <translation>サーバーへの接続</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Host key</source>
        <translation>ホスト鍵</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Authentication</source>
        <translation>認証</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database password</source>
        <translation>データベースのパスワード</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tunnel</source>
        <translation>トンネル</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Database</source>
        <translation>データベース</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>&amp;Edit Profile…</source>
        <translation>プロファイルを編集(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Connecting to %1</source>
        <translation>%1 に接続中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connecting to %1 as %2…</source>
        <translation>%1 に %2 として接続しています…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Connecting was cancelled.</source>
        <translation>接続を取り消しました。</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not needed</source>
        <translation>不要</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>not needed (direct route)</source>
        <translation>不要（直接接続）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>known</source>
        <translation>既知</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+4"/>
        <source>Connected.</source>
        <translation>接続しました。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Connected to %1 as %2.</source>
        <translation>%1 に %2 として接続しました。</translation>
    </message>
    <message>
        <location line="+27"/>
        <location line="+48"/>
        <source>Cancelled.</source>
        <translation>キャンセルしました。</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Could not connect to %1 as %2.</source>
        <translation>%1 に %2 として接続できませんでした。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What went wrong:</source>
        <translation>問題の内容:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Cancelling…</source>
        <translation>キャンセルしています…</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Check the host name and port in the profile, and that the server is reachable from this computer (try: ssh -p PORT USER@HOST).</source>
        <translation>プロファイルのホスト名とポートを確認し、このコンピューターからサーバーに到達できるか確認してください（例: ssh -p PORT USER@HOST）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare the key with the one the server&apos;s administrator gives you. If the server was reinstalled, remove its old line from the known_hosts file (ssh-keygen -R HOST) and connect again.</source>
        <translation>サーバー管理者から伝えられた鍵と比較してください。サーバーを再インストールした場合は、known_hosts ファイルから古い行を削除して（ssh-keygen -R HOST）もう一度接続してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the user and the key file in the profile. With ssh-agent, check that the key is loaded (ssh-add -l).</source>
        <translation>プロファイルのユーザーと鍵ファイルを確認してください。ssh-agent を使う場合は、鍵が読み込まれているか確認してください（ssh-add -l）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check where the profile takes the database password from: the file on the server must exist and be readable, or choose the keychain.</source>
        <translation>プロファイルのデータベースパスワードの取得元を確認してください。サーバー上のファイルが存在し読み取り可能である必要があります。またはキーチェーンを選んでください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the database host and port in the profile (as seen from the server) and that the SSH server allows port forwarding.</source>
        <translation>プロファイルのデータベースのホストとポート（サーバーから見たもの）を確認し、SSH サーバーがポート転送を許可しているか確認してください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the database name, user and password in the profile, and that MariaDB is running.</source>
        <translation>プロファイルのデータベース名・ユーザー・パスワードを確認し、MariaDB が動作しているか確認してください。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ConnectionIndicator</name>
    <message>
        <location filename="../../ui/connection/ConnectionIndicator.cpp" line="+43"/>
        <source>Not connected</source>
        <translation>未接続</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::DelegationTools</name>
    <message>
        <location filename="../../ui/delegation/DelegationTools.cpp" line="+19"/>
        <source>&amp;Tools</source>
        <translation>ツール(&amp;T)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Domain Administrators…</source>
        <translation>ドメイン管理者(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Audit Log…</source>
        <translation>監査ログ(&amp;A)…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Signed in as the domain administrator %1: only your domains are shown.</source>
        <translation>ドメイン管理者 %1 としてログインしています。担当のドメインだけが表示されます。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connect to a server first.</source>
        <translation>先にサーバーに接続してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the server&apos;s administrator manages domain administrators.</source>
        <translation>ドメイン管理者を管理できるのはサーバーの管理者だけです。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::DiagnosisPage</name>
    <message>
        <location filename="../../ui/compat/CompatWizardPages.cpp" line="+22"/>
        <source>What blocks the client</source>
        <translation>クライアントを妨げているもの</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MailDeck reads the server&apos;s configuration as the services do, and the log lines about this client.</source>
        <translation>MailDeck はサービスと同じようにサーバーの設定を読み、このクライアントに関するログ行を確認します。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Retry</source>
        <translation>再試行(&amp;R)</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Not connected to the server.</source>
        <translation>サーバーに接続していません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reading the server&apos;s configuration…</source>
        <translation>サーバーの設定を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Reading the configuration was cancelled.</source>
        <translation>設定の読み込みはキャンセルされました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read the server&apos;s configuration: %1 %2</source>
        <translation>サーバーの設定を読み込めません: %1 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reading the log lines about %1…</source>
        <translation>%1 に関するログ行を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The log could not be read (%1); diagnosing from the configuration only.</source>
        <translation>ログを読み込めませんでした(%1)。設定だけで診断します。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Nothing to diagnose.</source>
        <translation>診断するものがありません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The diagnosis failed: %1</source>
        <translation>診断に失敗しました: %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nothing blocks this client</source>
        <translation>このクライアントを妨げるものはありません</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server&apos;s configuration lets %1 through as it is. The next page proves it with a real login.</source>
        <translation>サーバーの現在の設定で %1 は通ります。次のページで実際のログインにより確認します。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n setting(s) block %1:</source>
        <translation>
            <numerusform>%n 個の設定が %1 を妨げています:</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Component:</source>
        <translation>コンポーネント:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Effective value:</source>
        <translation>有効な値:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Set in:</source>
        <translation>設定箇所:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(this one takes effect)</source>
        <translation>(この設定が有効)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also set in:</source>
        <translation>ほかの設定箇所:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The log shows it:</source>
        <translation>ログの記録:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes</source>
        <translation>注記</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>While reading</source>
        <translation>読み込み時の注意</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing to fix.</source>
        <translation>修正は不要です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next: the ways to let the client through.</source>
        <translation>次へ: クライアントを通す方法。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::DialogPrompter</name>
    <message>
        <location filename="../../ui/shell/DialogPrompter.cpp" line="+23"/>
        <source>Key passphrase</source>
        <translation>鍵のパスフレーズ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password for sudo</source>
        <translation>sudo のパスワード</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Database password</source>
        <translation>データベースのパスワード</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Log in to %1</source>
        <translation>%1 にログイン</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>That was not accepted. Please try again.</source>
        <translation>受け付けられませんでした。もう一度入力してください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remember in the system keychain</source>
        <translation>システムのキーチェーンに保存する</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unknown server key</source>
        <translation>不明なサーバー鍵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The authenticity of %1 can&apos;t be established.</source>
        <translation>%1 の真正性を確認できません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 key fingerprint is:
%2

Compare it with the fingerprint the server&apos;s administrator gives you (ssh-keygen -lf on the server&apos;s host key). Trusting it writes it to %3.</source>
        <translation>%1 鍵のフィンガープリント:
%2

サーバー管理者から伝えられたフィンガープリント（サーバーのホスト鍵に対する ssh-keygen -lf の出力）と比較してください。信頼すると、この鍵が %3 に書き込まれます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trust and connect</source>
        <translation>信頼して接続</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::DomainAdminsDialog</name>
    <message>
        <location filename="../../ui/delegation/DomainAdminsDialog.cpp" line="+41"/>
        <source>list the domains</source>
        <translation>ドメインの一覧取得</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Domain Administrators</source>
        <translation>ドメイン管理者</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+191"/>
        <source>&amp;Install…</source>
        <translation>インストール(&amp;I)…</translation>
    </message>
    <message>
        <location line="-186"/>
        <source>Upgrade Delegation</source>
        <translation>委任機能のアップグレード</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Install Delegation</source>
        <translation>委任機能のインストール</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upgrade the server&apos;s delegation schema from version %1 to %2?</source>
        <translation>サーバーの委任スキーマをバージョン %1 から %2 にアップグレードしますか？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Install the delegation schema (version %1) on the database server? It adds the schema maildeck_delegation and the locked account maildeck_definer beside vmail; vmail itself is not changed.</source>
        <translation>委任スキーマ（バージョン %1）をデータベースサーバーにインストールしますか？ vmail の隣にスキーマ maildeck_delegation とロックされたアカウント maildeck_definer を追加します。vmail 自体は変更しません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Set Up Database Account…</source>
        <translation>データベースアカウントを作成(&amp;S)…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set Up Database Account</source>
        <translation>データベースアカウントの作成</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The database account %1 may only read and write vmail; delegation needs more. MailDeck can create its own account %2 over SSH as root, with only what delegation needs (not root&apos;s rights), keep its password on the server in %3 (readable by root only), and use it for this profile from now on.

Set it up now?</source>
        <translation>データベースアカウント %1 は vmail の読み書きしかできず、委任にはそれ以上の権限が必要です。MailDeck は SSH 経由で root として専用のアカウント %2 を作成できます。権限は委任に必要なものだけ（root の権限ではありません）で、パスワードはサーバー上の %3（root だけが読めます）に保存し、このプロファイルでは今後このアカウントを使います。

今すぐ作成しますか？</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+342"/>
        <source>Install List &amp;Agent…</source>
        <translation>リストエージェントをインストール(&amp;A)…</translation>
    </message>
    <message>
        <location line="-338"/>
        <source>List Agent</source>
        <translation>リストエージェント</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Per-domain admins reach only the database, so their mailing-list changes are carried out on the server by MailDeck&apos;s list agent: a small program run as root (by systemd where the server has it) that takes their requests from the database, after the database checked that the list is in one of their domains. MailDeck installs it over SSH into %1, with its own database account that may only take and finish those requests.

Install (or upgrade) and start it now?</source>
        <translation>ドメイン管理者はデータベースにしか届かないため、メーリングリストの変更はサーバー上で MailDeck のリストエージェントが行います。これは root で動く小さなプログラム（サーバーに systemd があれば systemd が起動）で、リストが管理者のドメインにあることをデータベースが確認した後、その依頼をデータベースから受け取ります。MailDeck は SSH 経由で %1 にインストールし、依頼の受け取りと完了だけができる専用のデータベースアカウントを与えます。

今インストール（またはアップグレード）して起動しますか？</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Admin</source>
        <translation>管理者</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Domains</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database account</source>
        <translation>データベースアカウント</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SSH account</source>
        <translation>SSH アカウント</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New Admin…</source>
        <translation>新しい管理者(&amp;N)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Grant Domain…</source>
        <translation>ドメインを付与(&amp;G)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Revoke Domain…</source>
        <translation>ドメインを取り消し(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+240"/>
        <source>&amp;Disable</source>
        <translation>無効にする(&amp;D)</translation>
    </message>
    <message>
        <location line="-238"/>
        <source>De&amp;lete…</source>
        <translation>削除(&amp;L)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export Connection File…</source>
        <translation>接続ファイルをエクスポート(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;load</source>
        <translation>再読み込み(&amp;L)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Loading the domain administrators…</source>
        <translation>ドメイン管理者を読み込んでいます…</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>The database server has %n anonymous account(s): delegation is unsafe until they are removed (DROP USER &apos;&apos;@…).</source>
        <translation>
            <numerusform>データベースサーバーに匿名アカウントが %n 個あります。削除するまで委任は安全ではありません（DROP USER &apos;&apos;@…）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Delegation is not installed on this server. Install it to give domain administrators their own login.</source>
        <translation>このサーバーには委任機能がインストールされていません。ドメイン管理者に専用のログインを与えるにはインストールしてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delegation schema version %1 is installed; this MailDeck brings version %2.</source>
        <translation>委任スキーマのバージョン %1 がインストールされています。この MailDeck にはバージョン %2 が含まれています。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server&apos;s delegation schema (version %1) is newer than this MailDeck knows (%2). Update MailDeck.</source>
        <translation>サーバーの委任スキーマ（バージョン %1）は、この MailDeck が知っているもの（%2）より新しいです。MailDeck を更新してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delegation schema version %1 is installed and up to date.</source>
        <translation>委任スキーマのバージョン %1 がインストールされており、最新です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Upgrade…</source>
        <translation>アップグレード(&amp;U)…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The database account %1 cannot manage delegation. Set up MailDeck&apos;s own database account to go on.
%2</source>
        <translation>データベースアカウント %1 では委任を管理できません。続けるには MailDeck 専用のデータベースアカウントを作成してください。
%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The delegation schema&apos;s state cannot be read: %1</source>
        <translation>委任スキーマの状態を読み取れません: %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>無効</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+7"/>
        <location line="+35"/>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>%1 (locked)</source>
        <translation>%1（ロック中）</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>unknown: %1</source>
        <translation>不明: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 (disabled)</source>
        <translation>%1（無効）</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Install delegation first: each domain administrator gets an own database account.</source>
        <translation>先に委任機能をインストールしてください。各ドメイン管理者に専用のデータベースアカウントが作られます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>En&amp;able</source>
        <translation>有効にする(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Needs the server&apos;s SSH connection (for its host key).</source>
        <translation>サーバーへの SSH 接続が必要です（ホスト鍵の取得のため）。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Looking at the list agent…</source>
        <translation>リストエージェントを確認しています…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The list agent&apos;s state could not be read: %1</source>
        <translation>リストエージェントの状態を読み取れませんでした: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The list agent is not installed: per-domain admins cannot change mailing lists.</source>
        <translation>リストエージェントはインストールされていません。ドメイン管理者はメーリングリストを変更できません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list agent is from another version of MailDeck: upgrade it.</source>
        <translation>リストエージェントは別のバージョンの MailDeck のものです。アップグレードしてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list agent is installed but not running: per-domain admins cannot change mailing lists.</source>
        <translation>リストエージェントはインストールされていますが、動いていません。ドメイン管理者はメーリングリストを変更できません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list agent runs (%1): per-domain admins manage the mailing lists of their domains.</source>
        <translation>リストエージェントは動いています（%1）。ドメイン管理者は自分のドメインのメーリングリストを管理できます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Upgrade List &amp;Agent…</source>
        <translation>リストエージェントをアップグレード(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start List &amp;Agent…</source>
        <translation>リストエージェントを起動(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reinstall List &amp;Agent…</source>
        <translation>リストエージェントを再インストール(&amp;A)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Installing the list agent…</source>
        <translation>リストエージェントをインストールしています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list agent is installed and running: per-domain admins can now manage the mailing lists of their domains.</source>
        <translation>リストエージェントはインストールされ、動いています。ドメイン管理者は自分のドメインのメーリングリストを管理できるようになりました。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Upgrading the delegation schema…</source>
        <translation>委任スキーマをアップグレードしています…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Installing the delegation schema…</source>
        <translation>委任スキーマをインストールしています…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The delegation schema was upgraded.</source>
        <translation>委任スキーマをアップグレードしました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delegation is installed. Create the domain administrators now.</source>
        <translation>委任機能をインストールしました。ドメイン管理者を作成してください。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Setting up the database account %1…</source>
        <translation>データベースアカウント %1 を作成しています…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The database account %1 is ready. Reconnecting with it…</source>
        <translation>データベースアカウント %1 の準備ができました。このアカウントで再接続しています…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The domain administrator %1 was created.</source>
        <translation>ドメイン管理者 %1 を作成しました。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Creating the SSH account…</source>
        <translation>SSH アカウントを作成しています…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Granting %1…</source>
        <translation>%1 を付与しています…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 now manages %2.</source>
        <translation>%1 が %2 を管理するようになりました。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Revoking %1…</source>
        <translation>%1 を取り消しています…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 no longer manages %2.</source>
        <translation>%1 は %2 を管理しなくなりました。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Enabling…</source>
        <translation>有効にしています…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabling…</source>
        <translation>無効にしています…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is enabled.</source>
        <translation>%1 を有効にしました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 is disabled; its database sessions were ended.</source>
        <translation>%1 を無効にし、データベースのセッションを終了しました。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Deleting %1…</source>
        <translation>%1 を削除しています…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The domain administrator %1 was deleted.</source>
        <translation>ドメイン管理者 %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>%1 already manages every domain of this server.</source>
        <translation>%1 はすでにこのサーバーのすべてのドメインを管理しています。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Grant Domain</source>
        <translation>ドメインを付与</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain for %1:</source>
        <translation>%1 に付与するドメイン:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Revoke Domain</source>
        <translation>ドメインを取り消し</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take this domain away from %1 (effective on the admin&apos;s next statement):</source>
        <translation>%1 からこのドメインを取り消します（管理者の次の操作から有効）:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the admin flag of the mail user %1 (the mailbox itself stays)</source>
        <translation>メールユーザー %1 の管理者フラグ（メールボックス自体は残ります）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the admin %1 (table admin)</source>
        <translation>管理者 %1（admin テーブル）</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n domain grant(s): %1</source>
        <translation>
            <numerusform>ドメインの付与 %n 件: %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the database account %1 (its open sessions end at once)</source>
        <translation>データベースアカウント %1（開いているセッションはすぐに終了します）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the SSH account %1 and its home directory</source>
        <translation>SSH アカウント %1 とそのホームディレクトリ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete Domain Administrator</source>
        <translation>ドメイン管理者の削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the domain administrator %1?</source>
        <translation>ドメイン管理者 %1 を削除しますか？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This removes:</source>
        <translation>削除されるもの:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Export Connection File</source>
        <translation>接続ファイルのエクスポート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MailDeck connection files (*.maildeck);;All files (*)</source>
        <translation>MailDeck 接続ファイル (*.maildeck);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading the server&apos;s host key…</source>
        <translation>サーバーのホスト鍵を読み取っています…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The server has no SSH host key to put in the file.</source>
        <translation>ファイルに入れるサーバーの SSH ホスト鍵がありません。</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved %1. The admin has no SSH account yet: the file works once it has one.</source>
        <translation>%1 を保存しました。この管理者にはまだ SSH アカウントがありません。アカウントができるとファイルが使えるようになります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved %1. It holds no password: give the admin the database password separately.</source>
        <translation>%1 を保存しました。パスワードは含まれていません。データベースのパスワードは別に管理者へ渡してください。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::DomainDeleteDialog</name>
    <message>
        <location filename="../../ui/domains/DomainDeleteDialog.cpp" line="+21"/>
        <source>Delete Domain %1</source>
        <translation>ドメイン %1 の削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reading what belongs to %1…</source>
        <translation>%1 に属するデータを読み込んでいます…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Which</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This cannot be undone. Type the domain name &lt;b&gt;%1&lt;/b&gt; to confirm:</source>
        <translation>この操作は元に戻せません。確認のため、ドメイン名 &lt;b&gt;%1&lt;/b&gt; を入力してください:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Delete Domain</source>
        <translation>ドメインを削除(&amp;D)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading what will be deleted…</source>
        <translation>削除される内容を読み込んでいます…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The domain cannot be deleted now.</source>
        <translation>現在このドメインは削除できません。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Deleted</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>rows of this domain</source>
        <translation>このドメインの行</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Mailboxes</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maildirs stay on disk, recorded in deleted_mailboxes</source>
        <translation>maildir はディスク上に残り、deleted_mailboxes に記録されます</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Mailing lists</source>
        <translation>メーリングリスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>list directories on the server stay</source>
        <translation>サーバー上のリストディレクトリは残ります</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Kept</source>
        <translation>保持</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>references from other domains</source>
        <translation>他のドメインからの参照</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows of other domains that point into this domain stay; mail to them will bounce after the deletion. Remove them if they are no longer wanted.</source>
        <translation>このドメインを参照している他のドメインの行は残ります。削除後、それら宛てのメールはエラーとして返送されます。不要であれば削除してください。</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Deleting %1 removes %n row(s) from the database:</source>
        <translation>
            <numerusform>%1 を削除すると、データベースから %n 行が削除されます:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maildeck::ui::DomainEditorDialog</name>
    <message>
        <location filename="../../ui/domains/DomainEditorDialog.cpp" line="+20"/>
        <source>Too long: %1 characters, at most %2 are allowed.</source>
        <translation>長すぎます: %1 文字です（上限 %2 文字）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Contains a control character (such as a tab or a line break); remove it.</source>
        <translation>制御文字（タブや改行など）が含まれています。削除してください。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New Domain</source>
        <translation>新しいドメイン</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit Domain %1</source>
        <translation>ドメイン %1 の編集</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A domain cannot be renamed; create the new domain and move the mailboxes, or add the new name as an alias domain.</source>
        <translation>ドメイン名は変更できません。新しいドメインを作成してメールボックスを移動するか、新しい名前をエイリアスドメインとして追加してください。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>example.com or bücher.example</source>
        <translation>example.com または 日本語.example</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No new mailboxes</source>
        <translation>新規作成不可</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Active</source>
        <translation>有効(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A disabled domain receives no mail, and its users cannot log in.</source>
        <translation>無効なドメインはメールを受信せず、そのユーザーはログインできません。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Mailboxes at most (0 = unlimited):</source>
        <translation>メールボックス数の上限（0 = 無制限）(&amp;M):</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>edit domain %1</source>
        <translation>ドメイン %1 の編集</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>0: unlimited; -1: no new mailboxes may be created; N: at most N mailboxes.</source>
        <translation>0: 無制限、-1: 新しいメールボックスの作成不可、N: 最大 N 個のメールボックス。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>0: unlimited. iRedAdmin-Pro enforces it; MailDeck too.</source>
        <translation>0: 無制限。iRedAdmin-Pro と MailDeck がこの上限を適用します。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The sum of all mailbox quotas in this domain may not exceed this.</source>
        <translation>このドメインの全メールボックスの容量制限の合計は、この値を超えられません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The quota a new mailbox gets when none is given.</source>
        <translation>容量制限を指定せずに作成したメールボックスに適用される容量制限。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Domain &amp;name:</source>
        <translation>ドメイン名(&amp;N):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Description:</source>
        <translation>説明(&amp;D):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;liases at most:</source>
        <translation>エイリアス数の上限(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailing &amp;lists at most:</source>
        <translation>メーリングリスト数の上限(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Domain &amp;quota:</source>
        <translation>ドメインの容量制限(&amp;Q):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default mailbox q&amp;uota:</source>
        <translation>メールボックスの既定の容量制限(&amp;U):</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Stored as %1</source>
        <translation>保存形式: %1</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::DomainListModel</name>
    <message>
        <location filename="../../ui/domains/DomainListModel.cpp" line="+104"/>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Stored as %1</source>
        <translation>保存形式: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Disabled: no mail is accepted or delivered for this domain.</source>
        <translation>無効: このドメイン宛てのメールは受け付けられず、配送もされません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup MX: mail is relayed, not stored here.</source>
        <translation>バックアップ MX: メールはここには保存されず、中継されます。</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Domain</source>
        <translation>ドメイン</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mailboxes</source>
        <translation>メールボックス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Aliases</source>
        <translation>エイリアス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lists</source>
        <translation>メーリングリスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quota</source>
        <translation>容量制限</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::DomainPage</name>
    <message>
        <location filename="../../ui/domains/DomainPage.cpp" line="+82"/>
        <source>Filter mailboxes</source>
        <translation>メールボックスを絞り込み</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Filter aliases and forwardings</source>
        <translation>エイリアスと転送を絞り込む</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Filter mailing lists</source>
        <translation>メーリングリストを絞り込む</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;Mailboxes</source>
        <translation>メールボックス(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A&amp;liases and forwardings</source>
        <translation>エイリアスと転送(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mailing lis&amp;ts</source>
        <translation>メーリングリスト(&amp;T)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop loading; the rows loaded so far stay.</source>
        <translation>読み込みを中止します。読み込み済みの行はそのまま残ります。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Loading… %1 of %2</source>
        <translation>読み込み中… %1 / %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Loading cancelled: %1 of %2 shown. Reload (Ctrl+R) to load all.</source>
        <translation>読み込みを中止しました: %2 件中 %1 件を表示しています。すべて読み込むには再読み込み (Ctrl+R) してください。</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+757"/>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <location line="-752"/>
        <source>&amp;New Domain…</source>
        <translation>新しいドメイン(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Edit Domain…</source>
        <translation>ドメインを編集(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+209"/>
        <source>&amp;Disable Domain</source>
        <translation>ドメインを無効化(&amp;D)</translation>
    </message>
    <message>
        <location line="-208"/>
        <source>De&amp;lete Domain…</source>
        <translation>ドメインを削除(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;New Mailbox…</source>
        <translation>新しいメールボックス(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+14"/>
        <location line="+11"/>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Change &amp;Password…</source>
        <translation>パスワードを変更(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+210"/>
        <source>&amp;Disable</source>
        <translation>無効化(&amp;D)</translation>
    </message>
    <message>
        <location line="-209"/>
        <location line="+12"/>
        <location line="+14"/>
        <source>De&amp;lete…</source>
        <translation>削除(&amp;L)…</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>&amp;Import from CSV…</source>
        <translation>CSV からインポート(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New Alias &amp;Address…</source>
        <translation>新しいエイリアスアドレス(&amp;A)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;New Alias…</source>
        <translation>新しいエイリアス(&amp;N)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New Alias &amp;Domain…</source>
        <translation>新しいエイリアスドメイン(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Catch-all…</source>
        <translation>キャッチオール(&amp;C)…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New List…</source>
        <translation>新規リスト(&amp;N)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Subscribers…</source>
        <translation>購読者(&amp;S)…</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>%1 (disabled)</source>
        <translation>%1（無効）</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>En&amp;able Domain</source>
        <translation>ドメインを有効化(&amp;A)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>En&amp;able</source>
        <translation>有効化(&amp;A)</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The last change cannot be undone.</source>
        <translation>直前の変更は元に戻せません。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The last change cannot be undone: %1</source>
        <translation>直前の変更は元に戻せません: %1</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>enable %1</source>
        <translation>%1 の有効化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disable %1</source>
        <translation>%1 の無効化</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+93"/>
        <source>%1 is enabled.</source>
        <translation>%1 を有効にしました。</translation>
    </message>
    <message>
        <location line="-92"/>
        <source>%1 is disabled: mail for it is no longer accepted, and its users cannot log in.</source>
        <translation>%1 を無効にしました。このドメイン宛てのメールは受け付けられなくなり、ユーザーはログインできなくなります。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>A deleted domain cannot be restored: its mailboxes were removed.</source>
        <translation>削除したドメインは復元できません。メールボックスも削除されています。</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>enable mailbox %1</source>
        <translation>メールボックス %1 の有効化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>disable mailbox %1</source>
        <translation>メールボックス %1 の無効化</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 is disabled: it cannot log in, and mail to it is rejected.</source>
        <translation>%1 を無効にしました。ログインできなくなり、宛てのメールは拒否されます。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Delete Mailboxes</source>
        <translation>メールボックスの削除</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n mailbox(es)?</source>
        <translation>
            <numerusform>%n 個のメールボックスを削除しますか?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1

Their rows, forwardings and memberships are removed. The maildirs stay on the disk and are recorded in deleted_mailboxes.</source>
        <translation>%1

データベースの行、転送設定、メンバー登録が削除されます。maildir はディスク上に残り、deleted_mailboxes に記録されます。</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>
… and %n more</source>
        <translation>
            <numerusform>
…ほか %n 個</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+140"/>
        <location line="+106"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message numerus="yes">
        <location line="-235"/>
        <source>%n mailbox(es) deleted.</source>
        <translation>
            <numerusform>%n 個のメールボックスを削除しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A bulk import cannot be undone.</source>
        <translation>一括インポートは元に戻せません。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Delete the alias %1? Mail to it will be rejected.</source>
        <translation>エイリアス %1 を削除しますか? 宛てのメールは拒否されるようになります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The alias %1 was deleted.</source>
        <translation>エイリアス %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete the alias address %1?</source>
        <translation>エイリアスアドレス %1 を削除しますか?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The alias address %1 was deleted.</source>
        <translation>エイリアスアドレス %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Delete the alias domain %1? Mail to it will be rejected.</source>
        <translation>エイリアスドメイン %1 を削除しますか? このドメイン宛てのメールは拒否されるようになります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The alias domain %1 was deleted.</source>
        <translation>エイリアスドメイン %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove the catch-all of %1? Mail to unknown addresses will be rejected.</source>
        <translation>%1 のキャッチオールを削除しますか? 存在しないアドレス宛てのメールは拒否されるようになります。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The catch-all was removed.</source>
        <translation>キャッチオールを削除しました。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Delete</source>
        <translation>削除</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Delete Mailing List</source>
        <translation>メーリングリストの削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the mailing list %1? Mail to it will be rejected.</source>
        <translation>メーリングリスト %1 を削除しますか? 以後このアドレス宛てのメールは拒否されます。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep a copy in the mlmmj archive directory</source>
        <translation>mlmmj のアーカイブディレクトリにコピーを残す(&amp;K)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The list directory, its subscribers and its archive of posts are removed from the spool; only the copy in the archive directory stays.</source>
        <translation>リストのディレクトリ、購読者、投稿のアーカイブはスプールから削除されます。アーカイブディレクトリのコピーだけが残ります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list directory, its subscribers and its archive of posts are deleted for good.</source>
        <translation>リストのディレクトリ、購読者、投稿のアーカイブは完全に削除されます。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The mailing list %1 was deleted.</source>
        <translation>メーリングリスト %1 を削除しました。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Undo: %1</source>
        <translation>元に戻す(&amp;U): %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore the state before: %1 (only if nobody changed it since)</source>
        <translation>変更前の状態に戻します: %1 (その後だれも変更していない場合のみ)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing to undo.</source>
        <translation>元に戻す操作はありません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Only the last change can be undone.</source>
        <translation>元に戻せるのは直前の変更だけです。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changed since — not undone: %1. Someone else changed it after you; their change is kept.</source>
        <translation>その後変更されたため元に戻しませんでした: %1。あなたの後に別の人が変更しました。その変更は残ります。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undone: %1.</source>
        <translation>元に戻しました: %1。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Only the server&apos;s administrator can do this.</source>
        <translation>これはサーバーの管理者だけが行えます。</translation>
    </message>
    <message>
        <source>Mailing lists need the server&apos;s administrator (SSH to the server).</source>
        <translation type="vanished">メーリングリストの操作にはサーバーの管理者（サーバーへの SSH）が必要です。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::EditMailboxDialog</name>
    <message>
        <location filename="../../ui/domains/EditMailboxDialog.cpp" line="+25"/>
        <source>This password is stored as %1, a weak hash (typical for mailboxes migrated from vpopmail). Dovecot 2.3 accepts it, but Dovecot 2.4 (Debian 13, Ubuntu 26.04) refuses weak schemes unless auth_allow_weak_schemes = yes is set: after such an upgrade this user can no longer log in over IMAP, POP3 or SMTP. Set a new password to store a strong hash.</source>
        <translation>このパスワードは弱いハッシュ方式 %1 で保存されています（vpopmail から移行したメールボックスによく見られます）。Dovecot 2.3 では受け付けられますが、Dovecot 2.4（Debian 13、Ubuntu 26.04）では auth_allow_weak_schemes = yes を設定しない限り弱い方式は拒否されるため、アップグレード後、このユーザーは IMAP、POP3、SMTP でログインできなくなります。強いハッシュで保存するには、新しいパスワードを設定してください。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Edit Mailbox %1</source>
        <translation>メールボックス %1 の編集</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Active (may log in and receive mail)</source>
        <translation>有効（ログインとメール受信が可能）(&amp;A)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set &amp;New Password…</source>
        <translation>新しいパスワードを設定(&amp;N)…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Address:</source>
        <translation>アドレス:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quota:</source>
        <translation>容量制限(&amp;Q):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Password:</source>
        <translation>パスワード:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Forwarding</source>
        <translation>転送</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forward to, e.g. someone@example.org</source>
        <translation>転送先（例: someone@example.org）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keep a copy in the mailbox</source>
        <translation>メールボックスにコピーを残す(&amp;K)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Without this, mail to %1 is only forwarded: nothing is stored in the mailbox, and the user will not find it over IMAP or POP3. (iRedMail keeps the copy as a forwarding of the address to itself; MailDeck manages that row for you.)</source>
        <translation>この設定がない場合、%1 宛てのメールは転送されるだけです。メールボックスには何も保存されず、ユーザーは IMAP や POP3 でメールを受信できません。（iRedMail はコピーを、そのアドレス自身への転送として保持します。その行は MailDeck が自動的に管理します。）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>No forwarding: mail is delivered to the mailbox.</source>
        <translation>転送なし: メールはメールボックスに配送されます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail is delivered to the mailbox and forwarded.</source>
        <translation>メールはメールボックスに配送され、転送もされます。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail is only forwarded. Nothing stays in this mailbox.</source>
        <translation>メールは転送されるだけです。このメールボックスには何も残りません。</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>The forwarding of %1 was changed by someone else since you opened it.</source>
        <translation>%1 の転送設定は、開いた後に他のユーザーによって変更されました。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>edit mailbox %1</source>
        <translation>メールボックス %1 の編集</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::EditorDialog</name>
    <message>
        <location filename="../../ui/domains/EditorDialog.cpp" line="+71"/>
        <source>Close this dialog and press Ctrl+R.</source>
        <translation>このダイアログを閉じて Ctrl+R を押してください。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The connection to the server was closed. Connect again and reopen this dialog.</source>
        <translation>サーバーとの接続が閉じられました。再接続してから、このダイアログを開き直してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saving…</source>
        <translation>保存しています…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The connection to the database was closed before the change was confirmed. Reload to see whether it was made.</source>
        <translation>変更が確定する前にデータベースとの接続が閉じられました。再読み込みして、変更が反映されたかどうかを確認してください。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::FlavourConfirmDialog</name>
    <message>
        <location filename="../../ui/connection/FlavourConfirmDialog.cpp" line="+20"/>
        <source>Confirm the Server&apos;s System</source>
        <translation>サーバーのシステムの確認</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is the first connection to %1. MailDeck looked at the server and will use the paths below for its logs and configuration. Check them and correct what does not fit.</source>
        <translation>%1 への初めての接続です。MailDeck はサーバーを調べ、ログと設定に以下のパスを使います。確認し、合わないものを修正してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Found on the server</source>
        <translation>サーバーで見つかったもの</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system could not be identified.</source>
        <translation>システムを特定できませんでした。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>&amp;Use These Paths</source>
        <translation>これらのパスを使用(&amp;U)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ask &amp;Again Next Time</source>
        <translation>次回もう一度確認(&amp;A)</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ListEditorDialog</name>
    <message>
        <location filename="../../ui/lists/ListEditorDialog.cpp" line="+52"/>
        <source>New Mailing List in %1</source>
        <translation>%1 に新しいメーリングリスト</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Edit Mailing List %1</source>
        <translation>メーリングリスト %1 の編集</translation>
    </message>
    <message>
        <source>The description is set when the list is created.</source>
        <translation type="vanished">説明はリスト作成時に設定します。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>&amp;General</source>
        <translation>全般(&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>news</source>
        <translation>news</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stored in the database (maillists.description), as iRedAdmin-Pro does; shown on its newsletter page.</source>
        <translation>iRedAdmin-Pro と同じくデータベース（maillists.description）に保存され、ニュースレターのページに表示されます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Address:</source>
        <translation>アドレス(&amp;A):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description:</source>
        <translation>説明(&amp;D):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Owners (receive the list&apos;s administrative mail)</source>
        <translation>オーナー (リストの管理メールを受け取ります)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moderators (approve posts when moderated)</source>
        <translation>モデレーター (承認制のとき投稿を承認します)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Posting</source>
        <translation>投稿(&amp;P)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Moderated: every post waits for a moderator</source>
        <translation>承認制(&amp;M): すべての投稿がモデレーターの承認を待ちます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Posts from non-subscribers wait for a moderator</source>
        <translation>購読者以外からの投稿はモデレーターの承認を待ちます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask only the moderators, not the owners</source>
        <translation>オーナーではなくモデレーターだけに承認を求める</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell the sender when a post waits for moderation</source>
        <translation>投稿が承認待ちになったことを送信者に知らせる</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> KiB</source>
        <translation> KiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No limit</source>
        <translation>制限なし</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>[news]</source>
        <translation>[news]</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not send posters a copy of their own post</source>
        <translation>投稿者に自分の投稿のコピーを送らない</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accept posts with the list in Cc (not only in To)</source>
        <translation>リストが Cc にある投稿も受け付ける (To だけでなく)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replies go to the list (Reply-To)</source>
        <translation>返信先をリストにする (Reply-To)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who may &amp;post:</source>
        <translation>投稿できる人(&amp;P):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Maximum message &amp;size:</source>
        <translation>最大メッセージサイズ(&amp;S):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subject p&amp;refix:</source>
        <translation>件名の接頭辞(&amp;R):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tell senders why a post was refused</source>
        <translation>投稿が拒否された理由を送信者に知らせる</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The list was not in To or Cc</source>
        <translation>リストが To にも Cc にもなかった</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An access rule refused it</source>
        <translation>アクセス規則で拒否された</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only subscribers may post</source>
        <translation>購読者だけが投稿できる</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only moderators may post</source>
        <translation>モデレーターだけが投稿できる</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The message was too large</source>
        <translation>メッセージが大きすぎた</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Subscription</source>
        <translation>購読(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Closed: no (un)subscribing by mail</source>
        <translation>クローズ(&amp;C): メールでの購読・解除を受け付けない</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No subscribing by mail (leaving works)</source>
        <translation>メールでの購読を受け付けない (解除は可能)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New subscribers confirm by mail</source>
        <translation>新しい購読者はメールで確認する</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subscriptions wait for approval</source>
        <translation>購読は承認を待つ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who approves subscriptions (empty: the owners)</source>
        <translation>購読を承認する人 (空欄: オーナー)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mail them about each request</source>
        <translation>申請ごとにメールで知らせる</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digest subscriptions allowed</source>
        <translation>ダイジェスト購読を許可する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digests include the posts&apos; text</source>
        <translation>ダイジェストに投稿の本文を含める</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-mail subscriptions allowed</source>
        <translation>配信なし購読を許可する</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tell the owners of each (un)subscription</source>
        <translation>購読・解除のたびにオーナーに知らせる</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Newsletter: subscribing through the web form</source>
        <translation>ニュースレター: Web フォームからの購読</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owners may get the subscriber list by mail</source>
        <translation>オーナーはメールで購読者一覧を取得できる</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Archive &amp;&amp; &amp;footer</source>
        <translation>アーカイブとフッター(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep an archive of the posts</source>
        <translation>投稿のアーカイブを保存する(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archived posts can be fetched by mail</source>
        <translation>アーカイブした投稿をメールで取得できる</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>… by subscribers only</source>
        <translation>… 購読者のみ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Footer (plain text):</source>
        <translation>フッター (テキスト):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Footer (HTML):</source>
        <translation>フッター (HTML):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Headers &amp;&amp; delivery</source>
        <translation>ヘッダーと配送(&amp;H)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Header: value (one per line)</source>
        <translation>Header: value (1 行に 1 つ)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>X-Spam-Status: (one per line)</source>
        <translation>X-Spam-Status: (1 行に 1 つ)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>127.0.0.1</source>
        <translation>127.0.0.1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Default (25)</source>
        <translation>既定 (25)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A server setting: only the server&apos;s administrator changes it.</source>
        <translation>サーバーの設定です。変更できるのはサーバーの管理者だけです。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Headers &amp;added:</source>
        <translation>追加するヘッダー(&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Headers &amp;removed:</source>
        <translation>削除するヘッダー(&amp;R):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relay &amp;host:</source>
        <translation>リレーホスト(&amp;H):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMTP HE&amp;LO name:</source>
        <translation>SMTP HELO 名(&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SMTP p&amp;ort:</source>
        <translation>SMTP ポート(&amp;O):</translation>
    </message>
    <message>
        <location line="+127"/>
        <source>Type only the part before the @; the domain is %1.</source>
        <translation>@ より前の部分だけを入力してください。ドメインは %1 です。</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Mailing lists need the SSH connection to the server. Connect again and reopen this dialog.</source>
        <translation>メーリングリストにはサーバーへの SSH 接続が必要です。接続し直してから、このダイアログを開き直してください。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::MailServicesBox</name>
    <message>
        <location filename="../../ui/domains/MailServicesBox.cpp" line="+33"/>
        <source>Services</source>
        <translation>サービス</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send mail (SMTP submission)</source>
        <translation>メール送信（SMTP サブミッション）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receive mail (delivery)</source>
        <translation>メール受信（配送）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>POP3</source>
        <translation>POP3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IMAP</source>
        <translation>IMAP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mail filters (Sieve)</source>
        <translation>メールフィルター（Sieve）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOGo groupware</source>
        <translation>SOGo グループウェア</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Columns: %1</source>
        <translation>列: %1</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::MailboxImportDialog</name>
    <message>
        <location filename="../../ui/domains/MailboxImportDialog.cpp" line="+41"/>
        <source>Import Mailboxes into %1</source>
        <translation>%1 へのメールボックスのインポート</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A CSV file whose first line names the columns: address and password, optionally name, quota (MB, 0 = unlimited) and language. An address without @ gets @%1. Nothing is created unless every line is correct.</source>
        <translation>1 行目に列名を記述した CSV ファイル: address と password は必須、name、quota（MB、0 = 無制限）、language は任意です。@ のないアドレスには @%1 が付加されます。すべての行が正しい場合にのみ作成されます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Choose File…</source>
        <translation>ファイルを選択(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No file chosen.</source>
        <translation>ファイルが選択されていません。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hash scheme:</source>
        <translation>ハッシュ方式:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Quota</source>
        <translation>容量制限</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Check</source>
        <translation>チェック結果</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+245"/>
        <source>&amp;Import</source>
        <translation>インポート(&amp;I)</translation>
    </message>
    <message>
        <location line="-242"/>
        <location line="+245"/>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <location line="-217"/>
        <source>Cancelling: everything done so far is rolled back…</source>
        <translation>キャンセルしています: ここまでの処理をすべてロールバックしています…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Import Mailboxes</source>
        <translation>メールボックスのインポート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV ファイル (*.csv *.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 is larger than 50 MB; split it into smaller files.</source>
        <translation>%1 は 50 MB を超えています。小さなファイルに分割してください。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 を読み込めません: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 is not UTF-8 text. Save it as &quot;CSV UTF-8&quot; and try again.</source>
        <translation>%1 は UTF-8 テキストではありません。「CSV UTF-8」形式で保存してから、もう一度お試しください。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(pasted text)</source>
        <translation>（貼り付けたテキスト）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is empty.</source>
        <translation>ファイルが空です。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Line %1: the first line must name the columns, with at least &quot;address&quot; and &quot;password&quot; (also possible: name, quota, language).</source>
        <translation>%1 行目: 1 行目には列名を記述し、少なくとも「address」と「password」を含めてください（name、quota、language も指定できます）。</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Address: %1</source>
        <translation>アドレス: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address: %1 is not in the domain %2.</source>
        <translation>アドレス: %1 はドメイン %2 に属していません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address: %1 appears twice in the file.</source>
        <translation>アドレス: %1 がファイル内に 2 回出現しています。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password: the password is empty.</source>
        <translation>パスワード: パスワードが空です。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name: %1</source>
        <translation>名前: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password: %1</source>
        <translation>パスワード: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quota: &quot;%1&quot; is not a number of megabytes (0 = unlimited).</source>
        <translation>容量制限: 「%1」はメガバイト数ではありません（0 = 無制限）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The file has a header line but no mailboxes.</source>
        <translation>ファイルにはヘッダー行しかなく、メールボックスがありません。</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n line(s) with errors; fix the file and load it again.</source>
        <translation>
            <numerusform>エラーのある行が %n 行あります。ファイルを修正して、もう一度読み込んでください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n mailbox(es) ready to import.</source>
        <translation>
            <numerusform>%n 個のメールボックスをインポートできます。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Checking which addresses are already in use…</source>
        <translation>使用中のアドレスを確認しています…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Address: %1 is already in use (mailbox, alias or list).</source>
        <translation>アドレス: %1 は既に使用されています（メールボックス、エイリアス、またはメーリングリスト）。</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>&amp;Import %n Mailbox(es)</source>
        <translation>
            <numerusform>%n 個のメールボックスをインポート(&amp;I)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Importing…</source>
        <translation>インポートしています…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The import was cancelled; no mailbox was created.</source>
        <translation>インポートはキャンセルされました。メールボックスは作成されていません。</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n line(s) could not be created; nothing was imported.</source>
        <translation>
            <numerusform>%n 行を作成できなかったため、何もインポートされませんでした。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The database connection was closed during the import; reload to see what was created.</source>
        <translation>インポート中にデータベースとの接続が閉じられました。再読み込みして、作成された内容を確認してください。</translation>
    </message>
    <message numerus="yes">
        <location line="+22"/>
        <source>%n mailbox(es) created.</source>
        <translation>
            <numerusform>%n 個のメールボックスを作成しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maildeck::ui::MailboxListModel</name>
    <message>
        <location filename="../../ui/domains/MailboxListModel.cpp" line="+173"/>
        <source>unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (weak)</source>
        <translation>%1（弱い）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>→ %1, keeps a copy</source>
        <translation>→ %1（コピーを保存）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>→ %1 only, no copy kept</source>
        <translation>→ %1 のみ（コピーを保存しない）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This hash scheme is weak. Dovecot 2.4 refuses it unless auth_allow_weak_schemes = yes; the user cannot log in after an upgrade until the password is set again.</source>
        <translation>このハッシュ方式は弱い方式です。Dovecot 2.4 では auth_allow_weak_schemes = yes を設定しない限り拒否されるため、アップグレード後はパスワードを設定し直すまで、このユーザーはログインできません。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disabled: this user can neither log in nor receive mail.</source>
        <translation>無効: このユーザーはログインもメールの受信もできません。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Quota</source>
        <translation>容量制限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password scheme</source>
        <translation>パスワード方式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Forwarding</source>
        <translation>転送</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::MailingListModel</name>
    <message>
        <location filename="../../ui/lists/MailingListModel.cpp" line="+72"/>
        <source>There is no list directory on the server for this list.</source>
        <translation>このリストのリストディレクトリがサーバーにありません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The subscribers could not be counted: %1</source>
        <translation>購読者数を数えられませんでした: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Anyone</source>
        <translation>誰でも</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+92"/>
        <source>Subscribers</source>
        <translation>購読者</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Moderators</source>
        <translation>モデレーター</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+12"/>
        <location line="+4"/>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 normal, %2 digest, %3 no-mail subscribers</source>
        <translation>通常 %1、ダイジェスト %2、配信なし %3 の購読者</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Counting the subscribers on the server…</source>
        <translation>サーバーで購読者数を数えています…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Who may post</source>
        <translation>投稿できる人</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moderated</source>
        <translation>承認制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Archive</source>
        <translation>アーカイブ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Active</source>
        <translation>有効</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::MainWindow</name>
    <message>
        <location filename="../../ui/shell/MainWindow.cpp" line="+56"/>
        <source>MailDeck</source>
        <translation>MailDeck</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose a server with File &gt; Connect to start.</source>
        <translation>[ファイル] &gt; [サーバーに接続] でサーバーを選択して開始してください。</translation>
    </message>
    <message>
        <location line="+362"/>
        <source>MailDeck reconnects on the next action; click here to reconnect now.</source>
        <translation>次の操作で MailDeck が再接続します。今すぐ再接続するにはここをクリックしてください。</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Saved the paths of %1 (%2).</source>
        <translation>%1 のパスを保存しました（%2）。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reconnecting to %1…</source>
        <translation>%1 に再接続しています…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not connected</source>
        <translation>未接続</translation>
    </message>
    <message>
        <location line="-448"/>
        <source>Search domains</source>
        <translation>ドメインを検索</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connect to Server…</source>
        <translation>サーバーに接続(&amp;C)…</translation>
    </message>
    <message>
        <source>There are no server profiles yet. Create one with maildeck-cli profile add.</source>
        <translation type="vanished">サーバープロファイルがまだありません。maildeck-cli profile add で作成してください。</translation>
    </message>
    <message>
        <source>Connect to Server</source>
        <translation type="vanished">サーバーに接続</translation>
    </message>
    <message>
        <source>Server profile:</source>
        <translation type="vanished">サーバープロファイル:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent &amp;Servers</source>
        <translation>最近使用したサーバー(&amp;S)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reload</source>
        <translation>再読み込み(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Find Domain</source>
        <translation>ドメインを検索(&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reject &amp;Log</source>
        <translation>拒否ログ(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Domain</source>
        <translation>ドメイン(&amp;D)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Client &amp;Compatibility Wizard…</source>
        <translation>クライアント互換性ウィザード(&amp;C)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Configuration &amp;Changes…</source>
        <translation>設定の変更(&amp;C)…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>キーボードショートカット(&amp;K)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;About MailDeck</source>
        <translation>MailDeck について(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About MailDeck</source>
        <translation>MailDeck について</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MailDeck %1
A desktop console for iRedMail servers.</source>
        <translation>MailDeck %1
iRedMail サーバー用のデスクトップ管理コンソール。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About &amp;Qt</source>
        <translation>Qt について(&amp;Q)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Reject Log</source>
        <translation>拒否ログ</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reject Log — %1</source>
        <translation>拒否ログ — %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Connect to a server first.</source>
        <translation>先にサーバーに接続してください。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the server&apos;s administrator changes its mail configuration.</source>
        <translation>メール設定を変更できるのはサーバーの管理者だけです。</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+2"/>
        <source>There is no server profile named &quot;%1&quot;.</source>
        <translation>サーバープロファイル「%1」はありません。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (%2@%3)</source>
        <translation>%1（%2@%3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connecting to %1 (%2@%3)…</source>
        <translation>%1（%2@%3）に接続しています…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+96"/>
        <source>%1: connection lost</source>
        <translation>%1: 接続が切断されました</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="vanished">%1 に接続しました</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>%1: not connected</source>
        <translation>%1: 未接続</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Click to try again.</source>
        <translation>クリックして再試行します。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 — MailDeck</source>
        <translation>%1 — MailDeck</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>through the SSH tunnel (local port %1)</source>
        <translation>SSH トンネル経由（ローカルポート %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>directly to %1:%2 with TLS</source>
        <translation>%1:%2 に TLS で直接接続</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>directly to %1:%2</source>
        <translation>%1:%2 に直接接続</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1@%2 · %3</source>
        <translation>%1@%2 · %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connected to %1 (%2@%3, port %4)
Database %5 as %6, %7
System: %8</source>
        <translation>%1 に接続しました（%2@%3、ポート %4）
データベース %5（ユーザー %6、%7）
システム: %8</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loading domains…</source>
        <translation>ドメインを読み込んでいます…</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n domain(s)</source>
        <translation>
            <numerusform>%n 個のドメイン</numerusform>
        </translation>
    </message>
    <message>
        <location line="-197"/>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::MessageBanner</name>
    <message>
        <location filename="../../ui/common/MessageBanner.cpp" line="+24"/>
        <source>Copy details</source>
        <translation>詳細をコピー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::NewDomainAdminDialog</name>
    <message>
        <location filename="../../ui/delegation/NewDomainAdminDialog.cpp" line="+26"/>
        <source>New Domain Administrator</source>
        <translation>新しいドメイン管理者</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>jane@partner.example</source>
        <translation>jane@partner.example</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Jane Doe</source>
        <translation>山田 花子</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>English</source>
        <translation>英語</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Japanese</source>
        <translation>日本語</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The login address is also how the admin is reached. It must not be in a domain of this server (as in iRedAdmin-Pro).</source>
        <translation>ログインアドレスは管理者への連絡先も兼ねます。このサーバーのドメインのアドレスは使えません（iRedAdmin-Pro と同じ）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Login address:</source>
        <translation>ログインアドレス(&amp;L):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;anguage:</source>
        <translation>言語(&amp;A):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Domains:</source>
        <translation>ドメイン(&amp;D):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ssh-ed25519 AAAA… (optional: the admin&apos;s public key for a forward-only SSH account)</source>
        <translation>ssh-ed25519 AAAA…（任意: 転送専用 SSH アカウント用の管理者の公開鍵）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>SSH &amp;key:</source>
        <translation>SSH 鍵(&amp;K):</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>The login address is empty.</source>
        <translation>ログインアドレスが空です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 is a domain of this server. Use an address outside this server&apos;s domains.</source>
        <translation>%1 はこのサーバーのドメインです。このサーバー以外のドメインのアドレスを使ってください。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The password is empty.</source>
        <translation>パスワードが空です。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Choose at least one domain for this admin.</source>
        <translation>この管理者のドメインを 1 つ以上選んでください。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::NewMailboxDialog</name>
    <message>
        <location filename="../../ui/domains/NewMailboxDialog.cpp" line="+26"/>
        <source>New Mailbox in %1</source>
        <translation>%1 の新しいメールボックス</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>john.smith</source>
        <translation>taro.yamada</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>John Smith</source>
        <translation>山田 太郎</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Address:</source>
        <translation>アドレス(&amp;A):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hash &amp;scheme:</source>
        <translation>ハッシュ方式(&amp;S):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quota:</source>
        <translation>容量制限(&amp;Q):</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Type only the part before the @; the domain is %1.</source>
        <translation>@ より前の部分だけを入力してください。ドメインは %1 です。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The address is empty.</source>
        <translation>アドレスが空です。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The password is empty.</source>
        <translation>パスワードが空です。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::OptionsPage</name>
    <message>
        <location filename="../../ui/compat/CompatWizardPages.cpp" line="+44"/>
        <source>How to let the client through</source>
        <translation>クライアントを通す方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From the narrowest change to the broadest. Each says what it costs in security.</source>
        <translation>影響範囲の狭い変更から広い変更の順に並んでいます。それぞれセキュリティ上の代償を示します。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>recommended</source>
        <translation>推奨</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changes nothing on the server: tell the user to change the client. %1</source>
        <translation>サーバーは変更しません。利用者にクライアントの設定を変えるよう伝えてください。%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Security cost: %1</source>
        <translation>セキュリティ上の代償: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Changes %1</source>
        <translation>変更するファイル: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>MailDeck knows no fix for this.</source>
        <translation>MailDeck はこれを修正する方法を知りません。</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n option(s):</source>
        <translation>
            <numerusform>%n 個の選択肢:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maildeck::ui::PasswordField</name>
    <message>
        <location filename="../../ui/domains/PasswordField.cpp" line="+24"/>
        <source>Show</source>
        <translation>表示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the password as plain text</source>
        <translation>パスワードを平文で表示します</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Generate</source>
        <translation>生成(&amp;G)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Generate a random 16-character password and show it, so that you can pass it on</source>
        <translation>ランダムな 16 文字のパスワードを生成して表示します（ユーザーに伝えられるように）</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>iRedMail&apos;s default on Linux</source>
        <translation>Linux での iRedMail の既定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bcrypt; iRedMail&apos;s default on the BSDs</source>
        <translation>bcrypt。BSD での iRedMail の既定</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>crypt(3) $6$</source>
        <translation>crypt(3) $6$</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Use at least 12 characters; mix letters, digits and symbols.</source>
        <translation>12 文字以上で、英字・数字・記号を組み合わせてください。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strength: weak — easy to guess. Use 12 or more characters of several kinds.</source>
        <translation>強度: 弱 — 推測されやすいパスワードです。複数の種類の文字を 12 文字以上使用してください。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Strength: fair — longer would be better.</source>
        <translation>強度: 中 — もっと長いほうが安全です。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Strength: strong.</source>
        <translation>強度: 強。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::PreferencesDialog</name>
    <message>
        <location filename="../../ui/shell/PreferencesDialog.cpp" line="+16"/>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System language</source>
        <translation>システムの言語</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>MailDeck uses the new language the next time it starts.</source>
        <translation>新しい言語は MailDeck の次回起動時から使われます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>System</source>
        <translation>システム</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Light</source>
        <translation>ライト</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>ダーク</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System follows the desktop&apos;s light or dark setting where the desktop tells it.</source>
        <translation>「システム」では、デスクトップが知らせる場合にそのライト/ダークの設定に従います。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Language:</source>
        <translation>言語(&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Appearance:</source>
        <translation>外観(&amp;A):</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ProfileEditorDialog</name>
    <message>
        <location filename="../../ui/connection/ProfileEditorDialog.cpp" line="+46"/>
        <source>New Server Profile</source>
        <translation>新しいサーバープロファイル</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit Server Profile &quot;%1&quot;</source>
        <translation>サーバープロファイル「%1」の編集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Duplicate Server Profile &quot;%1&quot;</source>
        <translation>サーバープロファイル「%1」の複製</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Server</source>
        <translation>サーバー(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Database</source>
        <translation>データベース(&amp;D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>MailDeck detects the system on the first connection and asks you to confirm. Change these only when your server keeps its files elsewhere.</source>
        <translation>MailDeck は初回接続時にシステムを検出し、確認を求めます。サーバーがファイルを別の場所に置いている場合にだけ変更してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Server &amp;paths</source>
        <translation>サーバーのパス(&amp;P)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Create</source>
        <translation>作成(&amp;C)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 copy</source>
        <translation>%1 のコピー</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 copy %2</source>
        <translation>%1 のコピー %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>To use another name, duplicate the profile and delete this one.</source>
        <translation>別の名前にするには、プロファイルを複製してからこのプロファイルを削除してください。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>e.g. mx1</source>
        <translation>例: mx1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>mail.example.com, an address, or a Host from ~/.ssh/config</source>
        <translation>mail.example.com、アドレス、または ~/.ssh/config の Host</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+226"/>
        <source>&amp;Host:</source>
        <translation>ホスト(&amp;H):</translation>
    </message>
    <message>
        <location line="-220"/>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P):</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+108"/>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>SSH agent and the keys in ~/.ssh</source>
        <translation>SSH エージェントと ~/.ssh の鍵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key file</source>
        <translation>鍵ファイル</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Log in with:</source>
        <translation>ログイン方法(&amp;L):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>~/.ssh/id_ed25519</source>
        <translation>~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Browse…</source>
        <translation>参照(&amp;B)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the private key</source>
        <translation>秘密鍵を選択</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Key file:</source>
        <translation>鍵ファイル(&amp;K):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave empty to be asked when connecting</source>
        <translation>空欄にすると接続時に尋ねます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SSH pass&amp;word:</source>
        <translation>SSH パスワード(&amp;W):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>~/.ssh/known_hosts (default)</source>
        <translation>~/.ssh/known_hosts（既定）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bro&amp;wse…</source>
        <translation>参照(&amp;W)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the known_hosts file</source>
        <translation>known_hosts ファイルを選択</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Known &amp;hosts file:</source>
        <translation>known_hosts ファイル(&amp;H):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Through the SSH connection (iRedMail&apos;s default)</source>
        <translation>SSH 接続経由（iRedMail の既定）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directly over the network</source>
        <translation>ネットワーク経由で直接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Route:</source>
        <translation>経路(&amp;R):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Require &amp;TLS</source>
        <translation>TLS を必須にする(&amp;T)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The system&apos;s CAs (default)</source>
        <translation>システムの CA（既定）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brows&amp;e…</source>
        <translation>参照(&amp;E)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the CA certificate of the database server</source>
        <translation>データベースサーバーの CA 証明書を選択</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS C&amp;A file:</source>
        <translation>TLS の CA ファイル(&amp;A):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not encrypted: passwords and data cross the network in plain text.</source>
        <translation>暗号化されていません。パスワードとデータは平文でネットワークを流れます。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>P&amp;ort:</source>
        <translation>ポート(&amp;O):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Data&amp;base:</source>
        <translation>データベース(&amp;B):</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A file on the server (my.cnf format)</source>
        <translation>サーバー上のファイル（my.cnf 形式）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The system keychain</source>
        <translation>システムのキーチェーン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password &amp;from:</source>
        <translation>パスワードの取得元(&amp;F):</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;File on the server:</source>
        <translation>サーバー上のファイル(&amp;F):</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Leave empty to keep it or to be asked when connecting</source>
        <translation>空欄にすると現在の値を保持するか、接続時に尋ねます</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pass&amp;word:</source>
        <translation>パスワード(&amp;W):</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Like ssh: the agent&apos;s keys, then the default keys in ~/.ssh; a password is asked for when the server wants one.</source>
        <translation>ssh と同じく、エージェントの鍵、次に ~/.ssh の既定の鍵を使います。サーバーが求めたときはパスワードを尋ねます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A passphrase is asked for when the key needs one; you can keep it in the system keychain.</source>
        <translation>鍵にパスフレーズが必要なときは尋ねます。システムのキーチェーンに保存することもできます。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The password is kept only in the system keychain, never in MailDeck&apos;s settings.</source>
        <translation>パスワードはシステムのキーチェーンにのみ保存され、MailDeck の設定には保存されません。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Host (seen from the server):</source>
        <translation>ホスト（サーバーから見た）(&amp;H):</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Enter a name for the profile.</source>
        <translation>プロファイルの名前を入力してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The name may not contain &quot;/&quot; or &quot;\&quot;.</source>
        <translation>名前に「/」や「\」は使えません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A profile named &quot;%1&quot; exists already.</source>
        <translation>「%1」という名前のプロファイルは既にあります。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the server&apos;s host name or address.</source>
        <translation>サーバーのホスト名またはアドレスを入力してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A host name has no spaces.</source>
        <translation>ホスト名に空白は含められません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the user to log in as (e.g. root).</source>
        <translation>ログインするユーザーを入力してください（例: root）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A user name has no spaces.</source>
        <translation>ユーザー名に空白は含められません。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the private key file.</source>
        <translation>秘密鍵ファイルを選択してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no file %1 on this computer.</source>
        <translation>このコンピューターにファイル %1 はありません。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The folder of %1 does not exist on this computer.</source>
        <translation>%1 のフォルダーはこのコンピューターにありません。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the database host (127.0.0.1 for iRedMail).</source>
        <translation>データベースのホストを入力してください（iRedMail では 127.0.0.1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the database name (vmail for iRedMail).</source>
        <translation>データベース名を入力してください（iRedMail では vmail）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter the database user (vmailadmin for iRedMail).</source>
        <translation>データベースのユーザーを入力してください（iRedMail では vmailadmin）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter the file&apos;s path on the server.</source>
        <translation>サーバー上のファイルのパスを入力してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter an absolute path, starting with &quot;/&quot;.</source>
        <translation>「/」で始まる絶対パスを入力してください。</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>The profile was saved, but the password was not: %1 MailDeck will ask for it when connecting.</source>
        <translation>プロファイルは保存しましたが、パスワードは保存されませんでした: %1 接続時に MailDeck が尋ねます。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Close</source>
        <translation>閉じる(&amp;C)</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ProfileManagerDialog</name>
    <message>
        <location filename="../../ui/connection/ProfileManagerDialog.cpp" line="+31"/>
        <source>Server Profiles</source>
        <translation>サーバープロファイル</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;New…</source>
        <translation>新規(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>編集(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate…</source>
        <translation>複製(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete…</source>
        <translation>削除(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Connection File…</source>
        <translation>接続ファイルをインポート(&amp;I)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a profile from the connection file your server&apos;s admin gave you (no password inside).</source>
        <translation>サーバーの管理者から受け取った接続ファイルからプロファイルを作成します (パスワードは含まれません)。</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>There are no server profiles yet. Press New to describe your first server.</source>
        <translation>サーバープロファイルがまだありません。[新規] を押して最初のサーバーを登録してください。</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>database through the SSH connection</source>
        <translation>SSH 接続経由のデータベース</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>database directly at %1:%2</source>
        <translation>%1:%2 のデータベースに直接接続</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per-domain admin %1: %2@%3, port %4; database account %5 through the SSH connection</source>
        <translation>ドメイン管理者 %1: %2@%3、ポート %4、SSH 接続経由のデータベースアカウント %5</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1@%2, port %3; %4 (%5); %6</source>
        <translation>%1@%2、ポート %3、%4（%5）、%6</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import Connection File</source>
        <translation>接続ファイルのインポート</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MailDeck connection files (*.json);;All files (*)</source>
        <translation>MailDeck 接続ファイル (*.json);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Imported “%1” for the per-domain admin %2. The server&apos;s host key (%3) is trusted now. If your SSH key is not one of the usual ~/.ssh files, choose it with Edit.</source>
        <translation>ドメイン管理者 %2 用の「%1」をインポートしました。サーバーのホスト鍵 (%3) を信頼済みにしました。SSH 鍵が通常の ~/.ssh のファイルでない場合は、編集で選んでください。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Delete Server Profile</source>
        <translation>サーバープロファイルの削除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the server profile &quot;%1&quot;?</source>
        <translation>サーバープロファイル「%1」を削除しますか？</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Its passwords and passphrases are removed from the system keychain too. Nothing changes on the server.</source>
        <translation>そのパスワードとパスフレーズもシステムのキーチェーンから削除されます。サーバー上では何も変更されません。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delete</source>
        <translation>削除(&amp;D)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The profile &quot;%1&quot; was deleted.</source>
        <translation>プロファイル「%1」を削除しました。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The profile &quot;%1&quot; was deleted, but some of its passwords are still in the keychain: %2</source>
        <translation>プロファイル「%1」を削除しましたが、一部のパスワードがキーチェーンに残っています: %2</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ProvePage</name>
    <message>
        <location filename="../../ui/compat/CompatWizardPages.cpp" line="+294"/>
        <source>Prove it</source>
        <translation>確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MailDeck talks to the server as the client does, step by step, and shows what the server&apos;s log says about it.</source>
        <translation>MailDeck はクライアントと同じ手順でサーバーと通信し、サーバーのログに記録された内容を表示します。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Step</source>
        <translation>手順</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>送信</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reply</source>
        <translation>応答</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The server&apos;s log lines about the client appear here.</source>
        <translation>クライアントに関するサーバーのログ行がここに表示されます。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run the &amp;probes again</source>
        <translation>プローブを再実行(&amp;P)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>R&amp;oll back this change</source>
        <translation>この変更をロールバック(&amp;O)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Diagnose Again</source>
        <translation>もう一度診断(&amp;D)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reads the server&apos;s configuration again and shows the options, to choose another one.</source>
        <translation>サーバーの設定を読み直して対処案を表示し、別の案を選べるようにします。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Live log, this client only:</source>
        <translation>ライブログ(このクライアントのみ):</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>passed</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>failed: %1</source>
        <translation>失敗: %1</translation>
    </message>
    <message>
        <location line="+106"/>
        <source>No probe proves this option.</source>
        <translation>この選択肢を確認するプローブはありません。</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Running %n probe(s)…</source>
        <translation>
            <numerusform>%n 件のプローブを実行しています…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The client gets through.</source>
        <translation>クライアントは通ります。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The client is still refused.</source>
        <translation>クライアントはまだ拒否されています。</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Planning the rollback…</source>
        <translation>ロールバックを準備しています…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot roll back: %1</source>
        <translation>ロールバックできません: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Rolling back: %1</source>
        <translation>ロールバック中: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Rolled back: the files are as they were before.</source>
        <translation>ロールバックしました。ファイルは変更前の状態です。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The rollback failed: %1</source>
        <translation>ロールバックに失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::QuotaEdit</name>
    <message>
        <location filename="../../ui/domains/QuotaEdit.cpp" line="+15"/>
        <source>Unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GB</source>
        <translation>GB</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::RejectEventModel</name>
    <message>
        <location filename="../../ui/logs/RejectEventModel.cpp" line="+157"/>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code</source>
        <translation>コード</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client</source>
        <translation>クライアント</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sender</source>
        <translation>送信者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recipient</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>HELO / user</source>
        <translation>HELO / ユーザー</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Program</source>
        <translation>プログラム</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::RejectLogView</name>
    <message>
        <location filename="../../ui/logs/RejectLogView.cpp" line="+55"/>
        <source>Client addresses</source>
        <translation>クライアントのアドレス</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relay networks</source>
        <translation>中継ネットワーク</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender domains</source>
        <translation>送信者ドメイン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipients</source>
        <translation>宛先</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HELO names</source>
        <translation>HELO 名</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Login names</source>
        <translation>ログイン名</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Last hour</source>
        <translation>過去 1 時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 6 hours</source>
        <translation>過去 6 時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 24 hours</source>
        <translation>過去 24 時間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last 7 days</source>
        <translation>過去 7 日間</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything</source>
        <translation>すべて</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Client (IP, CIDR or host)</source>
        <translation>クライアント（IP、CIDR またはホスト）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sender domain</source>
        <translation>送信者ドメイン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient domain</source>
        <translation>宛先ドメイン</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search text</source>
        <translation>テキスト検索</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&amp;Follow</source>
        <translation>追従(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow the log: new events appear at the bottom. Uncheck to pause.</source>
        <translation>ログを追従します。新しいイベントは下に追加されます。チェックを外すと一時停止します。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open log files…</source>
        <translation>ログファイルを開く…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export CSV…</source>
        <translation>CSV にエクスポート…</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Select an event to see what happened and how to fix it.</source>
        <translation>イベントを選択すると、何が起きたかと直し方を表示します。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+335"/>
        <source>Open the fix…</source>
        <translation>修正を開く…</translation>
    </message>
    <message>
        <location line="-303"/>
        <source>Key</source>
        <translation>キー</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+10"/>
        <location line="+194"/>
        <source>Events</source>
        <translation>イベント数</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>Top talkers</source>
        <translation>上位の送信元</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reason / relay network</source>
        <translation>理由 / 中継ネットワーク</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Relays per reason</source>
        <translation>理由別の中継元</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Over time</source>
        <translation>時間推移</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Patterns</source>
        <translation>パターン</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>All reasons</source>
        <translation>すべての理由</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n new event(s) while paused</source>
        <translation>
            <numerusform>一時停止中に新しいイベントが %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1 handed over mail for %2 sender domains, %3 of them random-looking (%4 events), e.g. %5</source>
        <translation>%1 が %2 個の送信者ドメインのメールを渡してきました。うち %3 個はランダムな名前に見えます（%4 件、例: %5）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 failed to log in %2 times with %3 different user names, e.g. %4</source>
        <translation>%1 が %3 種類のユーザー名で %2 回ログインに失敗しました（例: %4）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Double-click to show only this client&apos;s events.</source>
        <translation>ダブルクリックでこのクライアントのイベントだけを表示します。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing suspicious in the events shown.</source>
        <translation>表示中のイベントに不審な傾向はありません。</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Usually right: the server is doing its job (mostly spam or abuse).</source>
        <translation>多くは正しい拒否です（主にスパムや不正利用）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Usually a misconfiguration, on this server or the sender&apos;s.</source>
        <translation>多くはこのサーバーか送信側の設定ミスです。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A problem on this server.</source>
        <translation>このサーバー側の問題です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Can be either: look at the details.</source>
        <translation>どちらの場合もあります。詳細を確認してください。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What happened</source>
        <translation>何が起きたか</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who did it</source>
        <translation>拒否したもの</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The fix</source>
        <translation>修正方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the fix costs</source>
        <translation>修正の代償</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Time:</source>
        <translation>時刻:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server:</source>
        <translation>サーバー:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Program:</source>
        <translation>プログラム:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client:</source>
        <translation>クライアント:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sender:</source>
        <translation>送信者:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient:</source>
        <translation>宛先:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HELO:</source>
        <translation>HELO:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User:</source>
        <translation>ユーザー:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reply:</source>
        <translation>応答:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text:</source>
        <translation>本文:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Log line</source>
        <translation>ログ行</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Fix with Wizard…</source>
        <translation>ウィザードで修正…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Opening %1…</source>
        <translation>%1 を開いています…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reading the last hours of %1…</source>
        <translation>%1 の直近の記録を読み込んでいます…</translation>
    </message>
    <message numerus="yes">
        <location line="-222"/>
        <source>Following %1 (%n event(s))</source>
        <translation>
            <numerusform>%1 を追従中（%n 件のイベント）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+228"/>
        <source>Connection lost; reconnecting and resuming where it stopped…</source>
        <translation>接続が切れました。再接続して中断した位置から再開しています…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Some lines may be missing after the reconnect: %1</source>
        <translation>再接続後に一部の行が欠けている可能性があります: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot follow the log: %1 %2</source>
        <translation>ログを追従できません: %1 %2</translation>
    </message>
    <message numerus="yes">
        <location line="+29"/>
        <source>Reading %n log file(s)…</source>
        <translation>
            <numerusform>%n 個のログファイルを読み込んでいます…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reading the files was cancelled.</source>
        <translation>ファイルの読み込みをキャンセルしました。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read the files: %1</source>
        <translation>ファイルを読み込めません: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n event(s) from %1</source>
        <translation>
            <numerusform>%1 から %n 件のイベント</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n 個のファイル</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Open mail log files</source>
        <translation>メールログファイルを開く</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mail logs (*.log* maillog* *.gz);;All files (*)</source>
        <translation>メールログ (*.log* maillog* *.gz);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Export events</source>
        <translation>イベントのエクスポート</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Exported %n event(s) to %1</source>
        <translation>
            <numerusform>%n 件のイベントを %1 にエクスポートしました</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 に書き込めません: %2</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ReviewPage</name>
    <message>
        <location filename="../../ui/compat/CompatWizardPages.cpp" line="-502"/>
        <source>Review the change</source>
        <translation>変更の確認</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exactly what will change on the server, and the commands that back it up, check it and reload the service. Nothing has changed yet.</source>
        <translation>サーバー上で変更される内容と、バックアップ・検証・サービス再読み込みのコマンドです。まだ何も変更されていません。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No option chosen.</source>
        <translation>選択肢が選ばれていません。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The change cannot be planned: %1</source>
        <translation>変更を計画できません: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Files: %1</source>
        <translation>ファイル: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>If any step fails, the backups are put back and the service reloaded.</source>
        <translation>いずれかの手順が失敗すると、バックアップが戻されサービスが再読み込みされます。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ServerPathsEditor</name>
    <message>
        <location filename="../../ui/connection/ServerPathsEditor.cpp" line="+24"/>
        <source>Debian / Ubuntu</source>
        <translation>Debian / Ubuntu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>RHEL / Rocky / AlmaLinux / CentOS</source>
        <translation>RHEL / Rocky / AlmaLinux / CentOS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>FreeBSD</source>
        <translation>FreeBSD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>OpenBSD</source>
        <translation>OpenBSD</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MailDeck test lab</source>
        <translation>MailDeck テストラボ</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Reset to the flavour&apos;s defaults</source>
        <translation>このシステムの既定値に戻す(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replaces every path and command below with the defaults of iRedMail on the chosen system.</source>
        <translation>以下のすべてのパスとコマンドを、選択したシステムでの iRedMail の既定値に置き換えます。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Operating &amp;system:</source>
        <translation>オペレーティングシステム(&amp;S):</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Empty: the service manager&apos;s restart and status</source>
        <translation>空欄: サービスマネージャーの再起動と状態確認を使います</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Mail log:</source>
        <translation>メールログ(&amp;M):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Postfix directory:</source>
        <translation>Postfix ディレクトリ(&amp;P):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Dovecot configuration:</source>
        <translation>Dovecot 設定ファイル(&amp;D):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dovecot &amp;log directory:</source>
        <translation>Dovecot ログディレクトリ(&amp;L):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;iRedAPD settings:</source>
        <translation>iRedAPD 設定ファイル(&amp;I):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>m&amp;lmmj spool:</source>
        <translation>mlmmj スプール(&amp;L):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Postfix &amp;command:</source>
        <translation>Postfix コマンド(&amp;C):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dovecot c&amp;ommand:</source>
        <translation>Dovecot コマンド(&amp;O):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>iRedAPD r&amp;estart command:</source>
        <translation>iRedAPD 再起動コマンド(&amp;E):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>iRedAPD s&amp;tatus command:</source>
        <translation>iRedAPD 状態確認コマンド(&amp;T):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ss&amp;hd configuration:</source>
        <translation>sshd 設定ファイル(&amp;H):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chan&amp;ge history directory:</source>
        <translation>変更履歴ディレクトリ(&amp;G):</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Enter the command (for example &quot;postfix&quot;).</source>
        <translation>コマンドを入力してください（例:「postfix」）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the path on the server.</source>
        <translation>サーバー上のパスを入力してください。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter an absolute path, starting with &quot;/&quot;.</source>
        <translation>「/」で始まる絶対パスを入力してください。</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::ShortcutsDialog</name>
    <message>
        <location filename="../../ui/shell/ShortcutsDialog.cpp" line="+66"/>
        <source>In the tables</source>
        <translation>表の中で</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keyboard Shortcuts</source>
        <translation>キーボードショートカット</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>ショートカット</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>, </source>
        <translation>、 </translation>
    </message>
</context>
<context>
    <name>maildeck::ui::StepChecklist</name>
    <message>
        <location filename="../../ui/compat/StepChecklist.cpp" line="+14"/>
        <source>Check unchanged</source>
        <translation>未変更の確認</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back up</source>
        <translation>バックアップ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stage</source>
        <translation>準備</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write</source>
        <translation>書き込み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validate</source>
        <translation>検証</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Install</source>
        <translation>設置</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reload</source>
        <translation>再読み込み</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check</source>
        <translation>確認</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>手順</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+52"/>
        <source>Running…</source>
        <translation>実行中…</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Rollback</source>
        <translation>ロールバック</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Putting the old files back</source>
        <translation>元のファイルに戻しています</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Waiting</source>
        <translation>待機中</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Done</source>
        <translation>完了</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Not run</source>
        <translation>未実行</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::SubscriberModel</name>
    <message>
        <location filename="../../ui/lists/SubscribersDialog.cpp" line="+52"/>
        <source>Normal</source>
        <translation>通常</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Digest</source>
        <translation>ダイジェスト</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No mail</source>
        <translation>配信なし</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Address</source>
        <translation>アドレス</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receives</source>
        <translation>受信方法</translation>
    </message>
</context>
<context>
    <name>maildeck::ui::SubscribersDialog</name>
    <message>
        <location line="+11"/>
        <source>Subscribers of %1</source>
        <translation>%1 の購読者</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Filter subscribers</source>
        <translation>購読者を絞り込む</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Add: user@example.com, other@example.org …</source>
        <translation>追加: user@example.com, other@example.org …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>How new and imported subscribers receive the list.</source>
        <translation>追加・インポートする購読者の受信方法です。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>追加(&amp;A)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Remove Selected…</source>
        <translation>選択を解除(&amp;R)…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Import from File…</source>
        <translation>ファイルからインポート(&amp;I)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import Subscribers</source>
        <translation>購読者のインポート</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Address lists (*.txt *.csv);;All files (*)</source>
        <translation>アドレス一覧 (*.txt *.csv);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xport Shown…</source>
        <translation>表示中をエクスポート(&amp;X)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export Subscribers</source>
        <translation>購読者のエクスポート</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Address lists (*.txt);;All files (*)</source>
        <translation>アドレス一覧 (*.txt);;すべてのファイル (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Cancel Import</source>
        <translation>インポートを中止(&amp;C)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message numerus="yes">
        <location line="+19"/>
        <source>%n subscriber(s)</source>
        <translation>
            <numerusform>購読者 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 of %n subscriber(s) shown</source>
        <translation>
            <numerusform>購読者 %n 件中 %1 件を表示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <location line="+169"/>
        <source>%n address(es) subscribed.</source>
        <translation>
            <numerusform>%n 件のアドレスを購読登録しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="-154"/>
        <source>Remove Subscribers</source>
        <translation>購読者の解除</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Unsubscribe %n address(es) from %1?</source>
        <translation>
            <numerusform>%n 件のアドレスを %1 から購読解除しますか?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No goodbye mail is sent.</source>
        <translation>解除の通知メールは送られません。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Unsubscribe</source>
        <translation>購読解除(&amp;U)</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n address(es) unsubscribed.</source>
        <translation>
            <numerusform>%n 件のアドレスを購読解除しました。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Could not read %1: %2</source>
        <translation>%1 を読み込めませんでした: %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>appears already on line %1</source>
        <translation>%1 行目と重複しています</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>already subscribed (%1)</source>
        <translation>購読済みです (%1)</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Importing %n address(es)…</source>
        <translation>
            <numerusform>%n 件のアドレスをインポートしています…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Stopping after the current part…</source>
        <translation>現在の分が終わりしだい中止します…</translation>
    </message>
    <message numerus="yes">
        <location line="+31"/>
        <source>%n were already subscribed in another way and were left as they are.</source>
        <translation>
            <numerusform>%n 件は別の方法で購読済みのため、そのままにしました。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n line(s) refused (listed below).</source>
        <translation>
            <numerusform>%n 行を受け付けませんでした (下に一覧があります)。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Canceled: %n address(es) were not sent.</source>
        <translation>
            <numerusform>中止しました: %n 件のアドレスは送信されていません。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Parts sent before stay subscribed.</source>
        <translation>それまでに送信した分は購読登録されたままです。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Line %1: %2 — %3</source>
        <translation>%1 行目: %2 — %3</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+10"/>
        <source>Could not write %1: %2</source>
        <translation>%1 に書き込めませんでした: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n address(es) written to %1.</source>
        <translation>
            <numerusform>%n 件のアドレスを %1 に書き出しました。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>maildeck::ui::UserAliasDialog</name>
    <message>
        <location filename="../../ui/domains/UserAliasDialog.cpp" line="+22"/>
        <source>New Alias Address</source>
        <translation>新しいエイリアスアドレス</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>j.smith@%1</source>
        <translation>t.yamada@%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mail to the alias address is delivered to the mailbox; the user can also send as the alias if the server allows it.</source>
        <translation>エイリアスアドレス宛てのメールはメールボックスに配送されます。サーバーが許可していれば、ユーザーはエイリアスアドレスを使って送信することもできます。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Alias address:</source>
        <translation>エイリアスアドレス(&amp;A):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Delivered to:</source>
        <translation>配送先(&amp;D):</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>The alias address is the mailbox&apos;s own address.</source>
        <translation>エイリアスアドレスがメールボックス自身のアドレスと同じです。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>create alias address %1</source>
        <translation>エイリアスアドレス %1 の作成</translation>
    </message>
</context>
</TS>
