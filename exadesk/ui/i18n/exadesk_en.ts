<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../about.py" line="51"/>
        <source>none found: secrets cannot be saved on this machine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="54"/>
        <source>not available ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="55"/>
        <source>, installed app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="70"/>
        <source>About ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="76"/>
        <source>ExaDesk icon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="78"/>
        <source>&lt;b style=&apos;font-size:16pt&apos;&gt;ExaDesk&lt;/b&gt;&lt;br&gt;Version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="81"/>
        <source>Sets up and verifies the accounts two-way sync integrations use. Checks only read from your trackers; secrets stay in your keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="94"/>
        <source>Keychain:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="95"/>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="96"/>
        <source>Logs folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="97"/>
        <source>Runtime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="101"/>
        <source>&amp;Copy details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="102"/>
        <source>Copy the version, keychain and folders, e.g. for a support ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="119"/>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../about.py" line="120"/>
        <source>Open the folder {folder}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChangeList</name>
    <message>
        <location filename="../fix_changes.py" line="78"/>
        <source>The changes to choose from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_changes.py" line="117"/>
        <source>Sends {request}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_changes.py" line="118"/>
        <source>Ticked: Apply sends this change. Clear it to leave the change out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../checks_table.py" line="29"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="29"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="29"/>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="29"/>
        <source>How to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="30"/>
        <source>Fix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecksTable</name>
    <message>
        <location filename="../checks_table.py" line="114"/>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="131"/>
        <location filename="../checks_table.py" line="162"/>
        <source>Fix…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="133"/>
        <source>Fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="163"/>
        <source>Fix: {check}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="164"/>
        <source>Shows the changes that would make “{check}” pass; nothing is changed until you confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="183"/>
        <source>Fix this check…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <location filename="../connection_page.py" line="76"/>
        <source>&amp;Check now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="77"/>
        <source>Check the administrators now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="80"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="81"/>
        <source>Edit the connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="82"/>
        <source>Change the name, the instances, the mode or the administrators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="91"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="91"/>
        <source>Side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="91"/>
        <source>Requirement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="92"/>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="92"/>
        <source>How to fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="97"/>
        <source>Administrator checklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="143"/>
        <source>Connection not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="154"/>
        <source>{left} ↔ {right}, {mode} mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="162"/>
        <source>Check each administrator&apos;s rights with their own credential (reading only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="166"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="167"/>
        <source>Ready to configure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="167"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="167"/>
        <source>To confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="173"/>
        <source>Check now needs the connection&apos;s instances, and both were removed: choose them again with Edit, or remove the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_page.py" line="176"/>
        <source>Check now needs an administrator&apos;s own credential for at least one side: Edit lets you choose or add one.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <location filename="../wizard_pages.py" line="185"/>
        <source>Address and credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="186"/>
        <source>Each entry is checked as you type; nothing is sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="220"/>
        <source>Instance address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="223"/>
        <source>Instance &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="228"/>
        <location filename="../wizard_pages.py" line="232"/>
        <source>More options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="248"/>
        <source>Sign in with the &amp;browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="249"/>
        <source>Sign in with the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="250"/>
        <source>Sign in as the proxy user in your browser and allow access; ExaDesk fills the refresh token and keeps it in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="253"/>
        <source>Instead of pasting a refresh token: fill the address and the client id, then sign in as the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="257"/>
        <source>Name in ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="259"/>
        <source>&amp;Name in ExaDesk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="262"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="266"/>
        <source>&amp;Workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="297"/>
        <source>This is the sandbox&apos;s workspace. Your instance is kept when the sandbox restarts, but a workspace of your own keeps your work apart from the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="338"/>
        <source>Saved in the keychain; leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="344"/>
        <source>(optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DataFileDialog</name>
    <message>
        <location filename="../data_file_dialog.py" line="27"/>
        <source>The data file is from a newer ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../data_file_dialog.py" line="30"/>
        <source>The data file could not be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../data_file_dialog.py" line="45"/>
        <source>&amp;Restore a copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../data_file_dialog.py" line="46"/>
        <source>&amp;Start empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../data_file_dialog.py" line="47"/>
        <source>Decide &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../data_file_dialog.py" line="56"/>
        <source>Choose a copy of the data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../data_file_dialog.py" line="57"/>
        <source>ExaDesk data (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiringDialog</name>
    <message>
        <location filename="../expiry_dialog.py" line="34"/>
        <location filename="../expiry_dialog.py" line="41"/>
        <source>Expiring credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="35"/>
        <source>Credentials that expire within {days} days, or already have. Create a new one in the tracker before the date, then use Replace secret on the instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="43"/>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="43"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="43"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="43"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="59"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="59"/>
        <source>{count} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="47"/>
        <source>No credential expires within {days} days. ExaDesk knows a date when the tracker reports it or when you enter it on the instance&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="55"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="57"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiryDateDialog</name>
    <message>
        <location filename="../expiry_dialog.py" line="96"/>
        <source>Credential expiry of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="97"/>
        <source>When does the proxy user&apos;s credential expire? Look it up where it was created (for a token, its settings page shows the date). ExaDesk warns you {days} days ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="104"/>
        <source>Expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="109"/>
        <source>&amp;No expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="110"/>
        <source>Forget the date (the credential does not expire, or it is not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="115"/>
        <source>&amp;Expires on:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportBundleDialog</name>
    <message>
        <location filename="../handover.py" line="117"/>
        <source>Export {name} as a bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="119"/>
        <source>A bundle holds the workspace&apos;s instances, connections and verification history, so a colleague can continue where you stopped. Secrets stay out unless you include them below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="124"/>
        <source>Bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="125"/>
        <source>&amp;Include the secret, encrypted with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="126"/>
        <source>&amp;Include the {count} secrets, encrypted with a passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="129"/>
        <source>No secrets to include: this workspace keeps none in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="131"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="132"/>
        <source>Passphrase again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="141"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="141"/>
        <source>&amp;Again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="148"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="153"/>
        <source>&amp;Save to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="168"/>
        <source>Export bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="169"/>
        <source>ExaDesk bundles (*{suffix})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="179"/>
        <source>At least {minimum} characters ({length} so far). The receiver needs it: tell them by phone or in person, not in the same email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="183"/>
        <source>The two passphrases differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="191"/>
        <source>The passphrases match.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../widgets.py" line="89"/>
        <source>{problem}. Expected: {expected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="97"/>
        <source>Expected: {expected}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../views.py" line="61"/>
        <source>for example Acme or My team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="62"/>
        <source>Workspace name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="63"/>
        <source>&amp;Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="64"/>
        <source>Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="69"/>
        <source>&amp;Try the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="70"/>
        <source>Try the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="71"/>
        <source>Workspace &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="88"/>
        <source>Welcome to ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="90"/>
        <source>ExaDesk helps you set up the proxy user of a sync integration on each tracker, checks it live (reading only, never changing anything), tells you exactly what is missing and how to fix it, and keeps every secret in your system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="94"/>
        <source>Start with a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="95"/>
        <source>A workspace groups the instances of one client or team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="98"/>
        <source>Or try it without a real tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="100"/>
        <source>The sandbox starts emulators of the trackers on this computer and adds a demo workspace with made-up credentials, so you can see every step without touching a real system.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FixDialog</name>
    <message>
        <location filename="../fix_dialog.py" line="75"/>
        <source>Fix {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="136"/>
        <source>Reading what is in place on the tracker (nothing is changed)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="81"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="84"/>
        <source>The changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="89"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="74"/>
        <source>Fix “{check}” on {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="91"/>
        <source>Make the ticked changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="93"/>
        <source>&amp;Undo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="94"/>
        <source>Undo the changes of this fix run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="95"/>
        <source>Reverses the changes this run made, newest first, after you confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="99"/>
        <source>Add an administrator&apos;s credential…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="100"/>
        <source>Opens the set-up wizard for an administrator of this tracker; the plan is read again once it is saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="124"/>
        <source>Fix run of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="125"/>
        <source>Fix run {run}, applied {at} by {by}: {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="151"/>
        <source>Making the changes, then verifying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="167"/>
        <source>Undo fix run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="174"/>
        <source>Undoing the changes, then verifying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="205"/>
        <source>Add one with “Add an administrator&apos;s credential…” below: the plan is read again once it is saved. Nothing was sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="230"/>
        <source>&amp;Apply {count} change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="230"/>
        <source>&amp;Apply {count} changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="231"/>
        <source>Tick at least one change to apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="244"/>
        <source>Applied {count} change, recorded as fix run {run}; Undo… reverses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="245"/>
        <source>Applied {count} changes, recorded as fix run {run}; Undo… reverses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="266"/>
        <source>Undid {count} change of fix run {run}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="267"/>
        <source>Undid {count} changes of fix run {run}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="123"/>
        <location filename="../fix_dialog.py" line="235"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FreshserviceApiKeyPage</name>
    <message>
        <location filename="../pages/freshservice_api_key.py" line="27"/>
        <location filename="../pages/freshservice_api_key.py" line="31"/>
        <source>The key is rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/freshservice_api_key.py" line="32"/>
        <source>What an administrator has to change when Freshservice refuses the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/freshservice_api_key.py" line="37"/>
        <source>Ask a Freshservice administrator to do this, then copy the key again:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideBrowser</name>
    <message>
        <location filename="../guide.py" line="38"/>
        <source>User guide</source>
        <extracomment>The guide as package data (exadesk/guide links to docs/; an installed wheel holds the files themselves). docs/ next to the package: a checkout where the link is not followed (Windows without symlinks), a PyInstaller bundle (packaging/exadesk.spec copies docs/ there). Screenshots wider than this are scaled down to it, so the guide reads without scrolling sideways.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../guide.py" line="79"/>
        <source>ExaDesk user guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../guide.py" line="90"/>
        <source>The user guide is not installed with this copy of ExaDesk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportBundleDialog</name>
    <message>
        <location filename="../handover.py" line="236"/>
        <source>Import {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="242"/>
        <source>What the import adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="243"/>
        <source>Put the bundle&apos;s &amp;secrets into this computer&apos;s keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="246"/>
        <source>Passphrase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="251"/>
        <source>&amp;Passphrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="256"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="271"/>
        <source>This file cannot be imported. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="277"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="280"/>
        <source>Exported with ExaDesk {version} on {when}. Check what it adds; nothing is written until you choose Import.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InstancePage</name>
    <message>
        <location filename="../instance_page.py" line="61"/>
        <source>&amp;Verify now</source>
        <extracomment>How many lines &quot;What changed&quot; and the verification timeline show before they scroll (the checks take the rest).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="62"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="63"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="64"/>
        <source>Replace &amp;secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="65"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="66"/>
        <source>Sign &amp;in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="67"/>
        <source>Sign in again with the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="68"/>
        <source>The tracker no longer accepts the saved sign-in; sign in again in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="72"/>
        <source>Fi&amp;x all…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="73"/>
        <source>Fix all that can be fixed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="74"/>
        <source>Fix all that can be fixed: shows the changes that would make every failing check with a fix pass, made with an administrator&apos;s credential; you choose which to make, and nothing is changed until you confirm. The Fix… beside a check fixes that one alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="80"/>
        <location filename="../instance_page.py" line="237"/>
        <source>Set &amp;date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="81"/>
        <source>Enter or clear the credential&apos;s expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="82"/>
        <source>Enter the date the credential expires when the tracker does not report it, so ExaDesk warns you in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="85"/>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="85"/>
        <source>Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="86"/>
        <source>Edit instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="86"/>
        <source>Replace secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="87"/>
        <source>Remove instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="105"/>
        <source>Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="105"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="106"/>
        <source>Sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="106"/>
        <source>Proxy user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="107"/>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="107"/>
        <source>In scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="108"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="108"/>
        <source>Credential expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="109"/>
        <source>Last verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="126"/>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="132"/>
        <source>Not verified yet. Choose Verify now to check the proxy user live; ExaDesk only reads, it never changes anything on the tracker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="154"/>
        <location filename="../instance_page.py" line="164"/>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="167"/>
        <source>Verification history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="170"/>
        <location filename="../instance_page.py" line="198"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="170"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="170"/>
        <source>Missing or the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="183"/>
        <location filename="../instance_page.py" line="195"/>
        <source>Fix runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="185"/>
        <source>&amp;Undo fix run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="186"/>
        <source>Undo the chosen fix run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="187"/>
        <source>Shows the run&apos;s changes and reverses them after you confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="198"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="198"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="198"/>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="230"/>
        <source>Known after the first verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="231"/>
        <source>Items and fields only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="232"/>
        <source>Nothing listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="234"/>
        <source>In the keychain: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="235"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="236"/>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="237"/>
        <source>Change &amp;date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="239"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="272"/>
        <source>Nothing changed between the stored verifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="274"/>
        <source>Changes appear here once the instance was verified twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="61"/>
        <location filename="../main_window.py" line="302"/>
        <source>ExaDesk</source>
        <extracomment>window.ini key: whether the desktop was dark when the window last closed (None: never recorded). Emitted once, right after the window&apos;s first paint (deferred start-up work hangs on it).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="63"/>
        <source>ExaDesk main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="132"/>
        <source>Choose an instance or a tracker in the sidebar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="97"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="273"/>
        <source>Last Verify all: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="330"/>
        <source>Verifying {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="346"/>
        <source>Nothing to verify in {name}: every instance was verified in the last 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="348"/>
        <source>Nothing to verify: every instance was verified in the last 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="409"/>
        <source>Verification finished.</source>
        <extracomment>Finished runs are written together at most this often, so 50 runs finishing at once cost one write and one sidebar rebuild instead of fifty.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../wizard_pages.py" line="58"/>
        <source>How will {tracker} sign in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="61"/>
        <source>Choose the administrator&apos;s credential ExaDesk signs in with to check the proxy user (the account the integration acts as); the proxy user needs none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="64"/>
        <source>Choose the kind of credential the proxy user (the account the integration acts as) will use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="93"/>
        <source>This is an administrator&apos;s own credential, used to read settings; it is not the proxy user&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewConnectionDialog</name>
    <message>
        <location filename="../connection_dialog.py" line="77"/>
        <source>New connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="77"/>
        <source>Edit connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="78"/>
        <source>A connection joins two instances through the integration. ExaDesk then plans who may configure it and checks that with each administrator&apos;s own credential (reading only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="83"/>
        <source>Connection name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="84"/>
        <source>for example Jira to ServiceNow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="86"/>
        <source>One side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="86"/>
        <source>Other side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="91"/>
        <source>How it is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="96"/>
        <source>&amp;Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="97"/>
        <source>A ready-made mapping of the common fields, without scripts; a project administrator may set it up on Jira Cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="99"/>
        <source>&amp;Visual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="100"/>
        <source>Both sides are mapped in one place with drag and drop, so one person must be administrator on both systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="102"/>
        <source>&amp;Scripted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="103"/>
        <source>Each side runs its own sync scripts, written by that side&apos;s own administrator; the most flexible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="125"/>
        <source>&amp;Create connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="131"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="160"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="183"/>
        <source>{name} ({tracker})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="196"/>
        <source>None yet (check later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="234"/>
        <source>The workspace needs two instances first: set them up from the tracker list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="236"/>
        <source>Choose the instance of each side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="238"/>
        <source>Choose two different instances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="240"/>
        <source>Give the connection a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="244"/>
        <source>{name} already has a connection with this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="252"/>
        <source>A project administrator may only configure Basic connections on Jira Cloud; the plan will show this side as not allowed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OAuthDialog</name>
    <message>
        <location filename="../oauth_dialog.py" line="68"/>
        <source>Sign in with the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="82"/>
        <source>Sign-in code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="83"/>
        <source>&amp;Copy code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="91"/>
        <source>&amp;Try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="109"/>
        <source>Starting the sign-in with {tracker}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="138"/>
        <source>Sign in as the proxy user in the browser window that opened and allow access. ExaDesk waits here for the answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="142"/>
        <source>No browser window? &lt;a href=&quot;{url}&quot;&gt;Open the sign-in page&lt;/a&gt;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="146"/>
        <source>No browser could be opened. Open the sign-in page with the link below, sign in as the proxy user and allow access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="151"/>
        <source>On any device, open {url} and enter this code. ExaDesk waits here for the approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="159"/>
        <source>Signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../oauth_dialog.py" line="165"/>
        <source>The sign-in did not finish.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProblemView</name>
    <message>
        <location filename="../problem_view.py" line="56"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../problem_view.py" line="70"/>
        <location filename="../problem_view.py" line="71"/>
        <source>Copy details for support</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../problem_view.py" line="72"/>
        <source>Copies what happened, without any secret, to paste into a support ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../problem_view.py" line="95"/>
        <source>Next step: {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../problem_view.py" line="107"/>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReplaceSecretDialog</name>
    <message>
        <location filename="../secret_dialog.py" line="30"/>
        <source>Replace the secret of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../secret_dialog.py" line="42"/>
        <source>Save and verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../secret_dialog.py" line="46"/>
        <source>The new value replaces the one in the keychain. {tracker} itself is not changed; revoke the old credential there if it leaked.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../wizard_results.py" line="111"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="123"/>
        <source>Verify &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="124"/>
        <source>Verify again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="171"/>
        <source>Not verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="176"/>
        <source>1 thing to fix before the integration can work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="178"/>
        <source>{count} things to fix before the integration can work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="182"/>
        <source>Ready: the proxy user has everything the integration needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="188"/>
        <source>Signed in as {who}. Proxy user checked: {proxy}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="190"/>
        <source>Signed in as {who}, the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="191"/>
        <source>Signed in as {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="196"/>
        <source>“Verify again” runs the checks again; “Save for later” keeps the instance as prepared offline, with its secret in the keychain, to verify later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="200"/>
        <source>The instance could not be checked now. “Save for later” keeps it as prepared offline, with its secret in the keychain; verify it once it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="203"/>
        <source>Save stores the instance in the workspace and its secret in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="180"/>
        <source>Not confirmed: nothing fails, but {count} of the checks could not be decided on this instance; confirm them by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxDialog</name>
    <message>
        <location filename="../sandbox_demo.py" line="212"/>
        <source>Sandbox: demo credentials</source>
        <extracomment>The name of a learning scenario&apos;s instance (the scenario&apos;s label follows).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="216"/>
        <source>The sandbox runs emulators of the trackers on this computer, with made-up credentials. Its instances are in the workspace “{workspace}”: verify them there, or practise the set-up wizard by copying an address and a credential from this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="222"/>
        <source>Ready instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="222"/>
        <source>A failing instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="223"/>
        <source>Learning scenarios: each reproduces a problem admins meet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="260"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="266"/>
        <source>In scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="268"/>
        <source>OAuth client ID (browser sign-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="270"/>
        <source>OAuth client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="275"/>
        <source>{instance}: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="278"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="279"/>
        <source>Copy {what} of {instance}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="285"/>
        <source>Show in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="295"/>
        <source>Copied: {what} of {instance}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretEdit</name>
    <message>
        <location filename="../widgets.py" line="31"/>
        <location filename="../widgets.py" line="50"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="33"/>
        <source>Show {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="34"/>
        <source>Show or hide what you typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="37"/>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="38"/>
        <source>Paste {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="39"/>
        <source>Paste from the clipboard (surrounding spaces and line breaks are removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="50"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="19"/>
        <location filename="../settings_dialog.py" line="118"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="22"/>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="25"/>
        <source>Keychain in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="29"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="31"/>
        <source>empty: the system&apos;s proxy (HTTPS_PROXY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="32"/>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="34"/>
        <source>empty: the system&apos;s trusted authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="35"/>
        <location filename="../settings_dialog.py" line="103"/>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="36"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="37"/>
        <source>Choose a CA bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="46"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="48"/>
        <source>Timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="50"/>
        <source>&amp;Proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="50"/>
        <source>&amp;CA bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="51"/>
        <source>&amp;Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="55"/>
        <source>Use the CA bundle when your company inspects HTTPS traffic; never turn certificate checks off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="60"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="62"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="63"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="63"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="63"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="67"/>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="73"/>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="97"/>
        <source>Secrets are kept in: {backend}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="104"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="119"/>
        <source>The CA bundle {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../wizard.py" line="55"/>
        <source>Edit {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="56"/>
        <source>Set up {tracker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="62"/>
        <source>Save for &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="63"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="64"/>
        <location filename="../wizard.py" line="91"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="65"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="66"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="67"/>
        <source>Keep the instance as prepared offline and verify it later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="220"/>
        <source>The secret could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="222"/>
        <source>&amp;Keep without its secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="223"/>
        <source>Store the instance as prepared offline, without its secret; enter the secret with Replace secret once a keychain works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="225"/>
        <source>Back to the wizard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../sidebar.py" line="133"/>
        <location filename="../sidebar.py" line="134"/>
        <source>Filter workspaces and instances</source>
        <extracomment>Room around a badge&apos;s text in its column.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="135"/>
        <source>Every word must match a name, tracker, address, proxy user, state or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="139"/>
        <source>Nothing matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="146"/>
        <source>Workspaces and instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="165"/>
        <source>Tracker catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="171"/>
        <source>&amp;Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="173"/>
        <source>Set up a &amp;tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="207"/>
        <source>{name} (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="235"/>
        <source>{name} (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="245"/>
        <source>Workspace {name}, {count} instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="246"/>
        <source>Workspace {name}, {count} instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="252"/>
        <source>{name} (admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="268"/>
        <source>⇄ {name} (side missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="269"/>
        <source>⇄ {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="274"/>
        <source>An instance of this connection was removed: open it to choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="276"/>
        <source>Connection: who may configure it, and what they need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="278"/>
        <source>Connection {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../wizard_pages.py" line="387"/>
        <source>What will be synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="388"/>
        <source>The proxy user needs more permissions for some of these; the list below follows your choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="406"/>
        <source>{label} in &amp;scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="411"/>
        <source>What the proxy user &amp;needs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="416"/>
        <source>What the proxy user needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="449"/>
        <source>(confirm by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="454"/>
        <source>Nothing beyond signing in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackerPage</name>
    <message>
        <location filename="../tracker_page.py" line="39"/>
        <source>&amp;Set up an instance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tracker_page.py" line="40"/>
        <source>Set up an instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../tracker_page.py" line="77"/>
        <source>Create a workspace first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyAllAdapter</name>
    <message>
        <location filename="../verify_all.py" line="114"/>
        <source>{done} of {total} verified: {ready} ready, {not_ready} not ready, {other} not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../verify_all.py" line="132"/>
        <source>Stopped. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../verify_all.py" line="136"/>
        <source>Last Verify all: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../wizard_results.py" line="25"/>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="26"/>
        <source>ExaDesk only reads: nothing is created or changed on the tracker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="30"/>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="32"/>
        <source>&amp;Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="33"/>
        <source>Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="35"/>
        <source>Verify &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="36"/>
        <source>Verify again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="62"/>
        <source>Checking {tracker} at {url}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="74"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="82"/>
        <source>{done} of about {total} checks done: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_results.py" line="94"/>
        <source>Finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Walkthrough</name>
    <message>
        <location filename="../walkthrough.py" line="51"/>
        <location filename="../walkthrough.py" line="52"/>
        <source>Open in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../walkthrough.py" line="54"/>
        <source>Enter the instance address above first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkthroughPage</name>
    <message>
        <location filename="../wizard_pages.py" line="124"/>
        <source>Instance address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="126"/>
        <source>Instance &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="132"/>
        <source>Type the address first to get direct links to the right settings pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="143"/>
        <source>Create the credential: {method}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="144"/>
        <source>Follow these steps in {tracker}, signed in as the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard_pages.py" line="146"/>
        <source>Follow these steps in {tracker}, signed in as an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <location filename="../window_dialogs.py" line="23"/>
        <location filename="../window_dialogs.py" line="133"/>
        <source>ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="23"/>
        <location filename="../window_dialogs.py" line="133"/>
        <source>Create a workspace first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="28"/>
        <source>Add an administrator&apos;s credential for {tracker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="46"/>
        <source>Saved {name} in {workspace}: {state}. {meaning}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="49"/>
        <source>Saved {name} in {workspace} without its secret (prepared offline); enter it with Replace secret once a keychain works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="102"/>
        <source>Remove {name} from {workspace}? Its secrets are deleted from the keychain. Nothing changes on the tracker itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="108"/>
        <source>Remove instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="151"/>
        <source>Bundle written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="174"/>
        <source>Imported {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="211"/>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="212"/>
        <source>Remove the connection {name}? The instances and their secrets stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../window_menus.py" line="18"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="19"/>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="20"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="26"/>
        <source>&amp;New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="29"/>
        <source>Start the &amp;sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="31"/>
        <source>Sandbox &amp;credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="33"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="36"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="39"/>
        <source>&amp;Import bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="41"/>
        <source>Export workspace &amp;bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="43"/>
        <location filename="../window_menus.py" line="134"/>
        <source>Export &amp;readiness report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="58"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="61"/>
        <source>&amp;Rename workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="64"/>
        <location filename="../window_menus.py" line="112"/>
        <source>&amp;Archive workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="66"/>
        <source>Show a&amp;rchived workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="69"/>
        <location filename="../window_menus.py" line="131"/>
        <source>&amp;Verify all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="71"/>
        <location filename="../window_menus.py" line="133"/>
        <source>New &amp;connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="73"/>
        <source>&amp;Expiring credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="84"/>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="87"/>
        <source>&amp;About ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="111"/>
        <source>Restore workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="127"/>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="128"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="128"/>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="135"/>
        <source>Export &amp;bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="137"/>
        <source>&amp;Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="138"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="139"/>
        <source>Credential &amp;expiry date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="141"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="143"/>
        <source>&amp;Edit connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="144"/>
        <source>&amp;Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <location filename="../window_workspaces.py" line="30"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="42"/>
        <source>New workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="42"/>
        <source>Workspace name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="51"/>
        <source>Rename workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="51"/>
        <source>New name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="67"/>
        <source>{name} archived; Workspace → Show archived workspaces shows it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="68"/>
        <source>{name} restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="114"/>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="115"/>
        <source>The emulators could not start ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="121"/>
        <source>Sandbox running: {count} emulators on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="124"/>
        <source>Your own instances in {workspace} were kept as they were: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="127"/>
        <source>No keychain is available, so its made-up credentials are kept in memory until ExaDesk closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <location filename="../views.py" line="131"/>
        <source>This workspace is archived: it is left out of Verify all and of the expiry warnings. Restore it from the Workspace menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="136"/>
        <source>To add an instance, pick its tracker under “Set up a tracker” in the sidebar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="138"/>
        <source>&amp;Verify all in this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="139"/>
        <source>Verify all in this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="140"/>
        <source>Verifies the instances never verified, prepared offline or last verified more than 7 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="143"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="144"/>
        <source>Stop verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="148"/>
        <source>Verify all progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="149"/>
        <source>%v of %m verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="158"/>
        <location filename="../views.py" line="161"/>
        <source>Credentials expiring within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="163"/>
        <source>No credential of this workspace expires within 30 days (as far as ExaDesk knows: enter a date on an instance&apos;s page when the tracker does not say).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="192"/>
        <source>No instances yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="195"/>
        <source>{count} instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="195"/>
        <source>{count} instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="196"/>
        <source>{count}. {states}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="206"/>
        <source>Open the instance to replace its secret</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PathRow</name>
    <message>
        <location filename="../handover.py" line="95"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="96"/>
        <source>Browse for {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_Side</name>
    <message>
        <location filename="../connection_dialog.py" line="33"/>
        <source>{side}: instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="35"/>
        <source>{side}: kind of administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="37"/>
        <source>Local (system) administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="38"/>
        <source>Project administrator (Jira Cloud, Basic mode only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="39"/>
        <source>Delegated administrator (member of exalate_console_admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="42"/>
        <source>{side}: administrator&apos;s credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="43"/>
        <source>Add an administrator&apos;s credential…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="44"/>
        <source>Opens the set-up wizard for this side&apos;s tracker; the credential is stored as an administrator&apos;s (role admin), never used as the proxy user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="52"/>
        <source>&amp;Instance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="52"/>
        <source>&amp;Administrator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="56"/>
        <source>Their &amp;credential:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>asana</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspaces named; the token reaches: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token reaches no workspace at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{entry} (the user is a member, but the token may not use it: personal access tokens are likely blocked there by an admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{entry} (no workspace by that name that this user belongs to: check the name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reachable with this token: {missing}. It reaches: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaches {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reachable workspace to check the membership in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a guest in {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not active in {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is {parts}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asana listed no membership for {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full member of {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reachable workspace to check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is an admin of {names}. A personal access token always acts as a person; if this is someone&apos;s own admin account, their edits stop syncing and the setup ends when they leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user is not a workspace admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No workspaces are in scope, so admin rights were not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the workspaces the connection syncs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{entry} (not a member, or tokens are blocked there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not an admin of: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is an admin of {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {user} to the workspace {workspace}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In an organization, a user whose e-mail domain is not the organization&apos;s joins as a guest; the membership check then says so, and only an Asana admin can change it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undoing it (removeUser) hands the proxy user&apos;s tasks and projects in {workspace} over to the owner of the administrator&apos;s token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token reaches every workspace in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the proxy user to the workspace (workspace, Invite), check the workspace names, or ask a workspace admin whether personal access tokens are blocked there (Admin console, Apps).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is a full member, not a guest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the proxy user a member of the workspace: a workspace admin changes it in Admin console, Members (guests only see what is shared with them).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is not a workspace admin&apos;s own account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a dedicated Asana member for the integration (for example &apos;exalate-sync&apos;), or a service account if you are on Asana Enterprise (Admin console, Apps, Service accounts), and use its token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is an admin of each workspace in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Asana super admin makes the person an admin: Admin console, Members, the person, Set as admin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>azure_devops</name>
    <message>
        <source>Proxy user is a Project Collection Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization Settings (Collection Settings on Server), Permissions, Project Collection Administrators, Members, Add: add the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is a Project Administrator of every synced project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In each project: Project Settings, Permissions, Project Administrators, Members, Add: add the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token has the scopes the integration needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the token (User settings, Personal access tokens) and tick the scopes listed in the steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The integration&apos;s server is allowed by IP Conditional Access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an organisation administrator to allow the integration server&apos;s IP addresses in Microsoft Entra Conditional Access, or to review Organization Settings, Policies, &apos;Enable IP Conditional Access policy validation&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a Project Collection Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organization Settings (Collection Settings on Server), Permissions, Project Collection Administrators, Members, Add: add the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a Project Administrator of every project in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In each project: Project Settings, Permissions, Project Administrators, Members, Add: add the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a member of exalate_console_admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instance address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{url} is not an organisation or collection address: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has more than the organisation (a project or page); use https://dev.azure.com/your-organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it has no collection; use the collection address such as https://ado.example.com/tfs/DefaultCollection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected: {hint}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the proxy user&apos;s identity was not returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the administrator&apos;s identity was not returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a member of {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not a member of {group} (directly or through another group).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects are in scope, so Project Administrators could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the projects to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not in Project Administrators of {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a Project Administrator of {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the projects in scope exists, so Project Administrators could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the project names in the scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group {group} in this organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} cannot be in {console}: the group does not exist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First create the group {console}, then add the person to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {user} to {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project Collection Administrators have full control of every project, setting and member of the organisation. The integration requires this group (Exalate&apos;s own requirement); Azure DevOps has no narrower group that meets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project Administrators of {project} can change every setting, permission and member of {project} (and only {project}); the integration requires this group, and no narrower group meets it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Project Collection Administrator opens Organization Settings, Permissions, exalate_console_admin, Members, Add and adds the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The organisation-level group exalate_console_admin exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Project Collection Administrator opens Organization Settings (Collection Settings on Server), Permissions, New group, and names it exactly exalate_console_admin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>freshdesk</name>
    <message>
        <source>This agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has the {roles} role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} may not read roles, which only administrators can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has the role {roles}, not an administrator&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} reports no role for {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user has the {roles} role. If this is a person&apos;s own account, their edits will not sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an administrator role ({roles}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role names are not visible to this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No role to judge by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} reports no role for this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Custom fields: {shown}{more}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> There are no custom fields yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {who} a full-time agent (it is an occasional agent now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full-time agent takes one of the account&apos;s agent licences for good; an occasional agent only uses day passes while it works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give {who} the built-in role {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} requires every agent to hold at least one role, so the earlier state (no role) cannot be restored through its API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a collaborator, who can only add private notes to tickets shared with them; a proxy user must be a support agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is an occasional agent: it can only act while a day pass is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the proxy user a full-time agent (Admin, Team, Agents, open the agent, Agent type Full time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>support agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a {kind}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Global Access (all tickets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group Access (tickets of its groups and its own): tickets of other groups will not sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restricted Access (only tickets assigned to it): the proxy user cannot see or update tickets that are not assigned to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshdesk reported no known ticket scope ({scope}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role: {roles} (a built-in role that views, replies to and updates tickets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshdesk does not show role details to this agent, so ExaDesk cannot confirm the ticket permissions through the API. Confirm them by hand: {manual}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom role {roles}: the API does not list a custom role&apos;s permissions. Confirm them by hand: {manual}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshdesk refused to list the ticket fields to this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads {count} ticket fields.{custom}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give {who} Global Access to tickets (now: {scope})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent then sees and can update every ticket of the helpdesk, in every group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Agent role views, replies to, updates and resolves tickets and manages contacts; it gives no access to the Admin tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is a Freshdesk agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the proxy user a full-time support agent: Admin, Team, Agents, New agent (or convert the contact to an agent), with the Agent role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent can see every ticket that syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the agent Global Access: Admin, Team, Agents, open the agent, and under Scope choose All tickets (Global Access).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role allows viewing, updating and commenting on tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the agent the built-in Agent role (Admin, Team, Agents, open the agent, Roles), or add the ticket permissions to its custom role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent can read the ticket fields (custom fields, categories)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the agent the Agent role, which can read every ticket field including custom fields and category drop-downs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is not an administrator&apos;s own account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a dedicated agent (for example &apos;exalate-sync&apos;) with the Agent role: changes made by the proxy user are not synchronised, so an administrator&apos;s own edits would stop syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator has the Administrator or Account Administrator role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account administrator gives the person the Administrator or Account Administrator role (Admin, Team, Agents, the person, Roles).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group exalate_console_admin exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator creates the group exalate_console_admin (Admin, Team, Groups, New group).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a member of exalate_console_admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator adds the person to exalate_console_admin (Admin, Team, Groups, exalate_console_admin, Agents).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>freshservice</name>
    <message>
        <source>This agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has the {roles} role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} may not read roles, which only administrators can.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has the role {roles}, not an administrator&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} reports no role for {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user has the {roles} role. If this is a person&apos;s own account, their edits will not sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not an administrator role ({roles}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role names are not visible to this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No role to judge by.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} reports no role for this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Custom fields: {shown}{more}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> There are no custom fields yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {who} a full-time agent (it is an occasional agent now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A full-time agent takes one of the account&apos;s agent licences for good; an occasional agent only uses day passes while it works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give {who} the built-in role {role}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{product} requires every agent to hold at least one role, so the earlier state (no role) cannot be restored through its API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshservice says the API key is disabled for this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshservice refused the key: either it was copied wrongly or reset, or the role has no API access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshservice accepted the API key, so the role has API access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is deactivated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is an occasional agent: it can only act while a day pass is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the proxy user a full-time agent (Admin, User Management, Agents, open the agent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is an active full-time agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket access: Global Access (entire helpdesk).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket access: Group Access only; tickets of other groups will not sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket access: Restricted Access; the proxy user only reaches tickets assigned to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshservice reported no ticket access level for this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles: {roles} (built-in roles that update tickets and add notes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshservice shows role details to administrators only (access_denied), so ExaDesk cannot confirm the ticket permissions. Confirm them by hand: {manual}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom role {roles}: the API does not list a custom role&apos;s permissions. Confirm them by hand: {manual}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freshservice refused to list the ticket form fields to this agent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads {count} ticket form fields.{custom}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let {who} use the role {role} on the entire helpdesk (now: {scope})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything the role {role} allows (tickets, and problems, changes or releases if it covers them) then applies to the whole helpdesk, not only some groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SD Agent works on tickets in the entire helpdesk; it gives no access to Admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user&apos;s role has API access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An Account Admin turns on the API key toggle on the Permissions tab of the proxy user&apos;s role (Admin, User Management, Roles).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is an active agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the proxy user an active full-time agent: Admin, User Management, Agents (reactivate it or convert the requester to an agent).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent can reach every ticket that syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the role access to the entire helpdesk: Admin, User Management, Agents, open the agent, Roles, and set the scope of its ticket role to Entire helpdesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role allows updating tickets and adding comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the agent the built-in SD Agent role (Admin, User Management, Agents, open the agent, Roles), or add the ticket permissions to its custom role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent can read the ticket form fields (custom fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the agent a role that can view tickets; ticket form fields are readable with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is not an administrator&apos;s own account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a dedicated agent (for example &apos;exalate-sync&apos;) with the SD Agent role: changes made by the proxy user are not synchronised, so an administrator&apos;s own edits would stop syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator has the Account Admin or Admin role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account administrator gives the person the Account Admin or Admin role (Admin, User Management, Agents, the person, Roles).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group exalate_console_admin exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator creates the group exalate_console_admin (Admin, User Management, Groups, New group).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a member of exalate_console_admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator adds the person to exalate_console_admin (Admin, User Management, Groups, exalate_console_admin, Agents).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>github</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the organisation&apos;s SSO page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({level})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> and </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the {scopes} scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permission to read organisation memberships</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub did not report the token&apos;s scopes; this may not be a classic token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the fine-grained method for tokens starting with github_pat_.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scopes: {scopes}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token&apos;s scopes are: {scopes}. Private repositories stay hidden without repo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the repositories to sync (owner/repository).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No repositories are in scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{repo} (GitHub asks for {needs})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not reachable with this token: {repos}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaches {repos}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No repositories are in scope, so admin rights could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{repo} (not found: private without the repo scope, or misspelt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} is not admin of: {repos}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some repositories could not be reached, so admin rights are unknown there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (organisation owner for {repos})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} administers every repository in scope{via}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} has no Admin role on {repos}, and the token may not read the organisation membership that would make them an owner (GitHub asks for {needs}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the token the organisation permission {needs} (Settings, Developer settings, Fine-grained tokens, the token, Organization permissions), or give the proxy user the Admin role on the repository, then verify again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub&apos;s expiry header for fine-grained tokens is unreliable here (it names the current time).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the expiry date on the token&apos;s page (Settings, Developer settings, Fine-grained tokens) and enter it in ExaDesk so it is watched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GitHub reports no expiry date for this token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token expired on {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token expires on {when} ({days} days left).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires on {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No repositories are in scope, so admin rights were not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the repositories the connection syncs (owner/repository).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{repo} (not found, or hidden from this token)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} is neither admin nor organisation owner of: {repos}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} has the Admin role on {repos}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{login} lacks the Admin role on: {repos}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token has the repo scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the token in Settings, Developer settings, Personal access tokens (classic) and tick repo; without it GitHub hides private repositories (they answer 404).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token is not about to expire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a new token before it expires and replace the secret in ExaDesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Token reaches every repository in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the missing repositories to the token (Settings, Developer settings, Fine-grained tokens, Repository access), or check the owner/repository names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is repository admin or organisation owner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make the proxy user an admin of the repository (Repository, Settings, Collaborators and teams, role Admin), or an owner of the organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation approved the fine-grained token</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an organisation owner to approve the token (Organisation settings, Personal access tokens, Pending requests).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is organisation owner or admin of each repository</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the person the Admin role on each repository listed (Repository, Settings, Collaborators and teams), or make them an owner of the organisation (Organisation, People, Change role, Owner).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator has the Admin role on each repository in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the person the Admin role on each repository listed (Repository, Settings, Collaborators and teams).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>handover</name>
    <message>
        <location filename="../handover.py" line="32"/>
        <source>Web page (*.html)</source>
        <extracomment>Save-dialog filters of the report, and the format each one writes.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="32"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="33"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="52"/>
        <location filename="../handover.py" line="70"/>
        <source>Export readiness report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="65"/>
        <source>Readiness of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="71"/>
        <source>The report could not be written to {path} ({error}). Choose another folder and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="77"/>
        <source>Readiness report written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="82"/>
        <source>Import bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../handover.py" line="83"/>
        <source>ExaDesk bundles (*{suffix});;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>hp_alm</name>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ALM rejected the log-in of {user}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} logged in, but ALM did not keep a site session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in as {name} and opened a site session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> {user} is not a site administrator (Site Administration answered 403), so it sees only the projects it is a member of and cannot be shown to see every project: add it to each new project that syncs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> {user} is a site administrator (Site Administration answers it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} does not see: {missing} (sees {count} projects).{site}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} sees every project in scope: {projects}.{site}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project} ({count} user fields)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The field configuration is hidden from {user} in: {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the projects in scope is visible to this user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reads the defect field configuration of {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project} (groups: {groups})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} is not in TDAdmin in: {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the user&apos;s group names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET customization/users/{user}?show-user-groups-names=true</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its own project user record in {projects}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the projects in scope is visible to this user, so its groups there are unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} is in TDAdmin in {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The admin user can log in and open an ALM session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the user name and password by signing in to ALM in a browser; make sure the account is active in Site Administration, Site Users.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The admin user sees every project that syncs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the user to each project: Site Administration, Site Projects, open the project, Project Users, Add user, and put it in the TDAdmin group.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The admin user can read the projects&apos; user field configuration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the user in the project&apos;s TDAdmin group (Site Administration, Site Projects, the project, Project Users), which can read and customise project fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user has administrative permissions in each project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the user in the TDAdmin group of each project (Site Administration, Site Projects, the project, Project Users).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is an ALM site administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A site administrator adds the person in Site Administration, Site Users, and ticks them as a site administrator (Site Administrators tab).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is in TDAdmin of each project in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put the person in the TDAdmin group of each project (Site Administration, Site Projects, the project, Project Users).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jira_cloud</name>
    <message>
        <source> Only the first {checked} of {total} projects were looked at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} can browse projects that are not public: {projects}.{partly}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permission schemes could not be read with this credential (it takes a Jira administrator), so private projects could not be told apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify with a Jira administrator&apos;s credential, or check each project&apos;s Browse Projects permission by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} reaches only public projects among those checked, but the permission schemes of {projects} could not be read.{partly}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} cannot browse any project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} can browse only public projects ({checked} checked).{partly}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a Jira administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} does not hold Administer Jira.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jira did not list {who}&apos;s groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for the person in {group}&apos;s member list (user management, Groups), or add them there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a member of {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not a member of {group} (their groups: {groups}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} exists ({who} is in it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group called {group} on this Jira.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} may not browse groups, so Jira does not say whether {group} exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a Jira administrator to look for {group} in the Groups list, or verify with an administrator&apos;s credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects are in scope, so project-admin rights were not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the keys of the projects the connection syncs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the projects in scope exists, so project-admin rights were not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the project keys in the scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not project administrator of: {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} administers {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not checked: reading this takes a Jira administrator&apos;s credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in as {who}, a Jira administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not a Jira administrator, so the app user&apos;s groups and the permission schemes cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active app user named {app} was found, and whether a deactivated one exists is not confirmed: {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Apps, Manage apps and check the Exalate app is installed and enabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No app user named {app} was found on this site, active or not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app user {app} is deactivated: the app is disabled or was uninstalled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enable the Exalate app in Apps, Manage apps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{app} (account {account}, type app): the proxy user is the app&apos;s own account, not a person&apos;s, so nobody&apos;s edits are lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This credential may not browse users and groups, so the groups are unknown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app user is a member of {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app user is not in {group} (its groups: {groups}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects are in scope, so the role could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the projects in scope exists, so the role could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the keys of the projects to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app user is not in {role} in: {projects}. It is silently blind there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app user holds the role in {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project} (permission scheme not readable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{role} does not hold &apos;{name}&apos; in: {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted to {role} in {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app user is not a member of these security levels, so their issues never sync: {levels}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The app user can see every security level of the projects in scope (or they use none).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your credential is a Jira administrator&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use the email and API token of someone in Administration, Global permissions, &apos;Administer Jira&apos; (usually the jira-administrators or site-admins group): reading groups and permission schemes needs it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Exalate app user exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install the Exalate app from Apps, Explore more apps; Jira then creates the app user &apos;Exalate&apos; (com.exalate.jiranode@connect.atlassian.com). If it was removed, reinstall the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App user is in the atlassian-addons group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlassian manages the app user&apos;s groups. Add it back to atlassian-addons (Administration, User management, Groups, atlassian-addons, Add members: Exalate), or reinstall or update the app so Jira restores them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App user is in the atlassian-addons-admin group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlassian manages the app user&apos;s groups. Add it back to atlassian-addons-admin (Administration, User management, Groups, atlassian-addons-admin, Add members: Exalate), or reinstall or update the app so Jira restores them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App user is in the jira-core-users group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlassian manages the app user&apos;s groups. Add it back to jira-core-users (Administration, User management, Groups, jira-core-users, Add members: Exalate), or reinstall or update the app so Jira restores them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App user is in the jira-servicedesk-users group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlassian manages the app user&apos;s groups. Add it back to jira-servicedesk-users (Administration, User management, Groups, jira-servicedesk-users, Add members: Exalate), or reinstall or update the app so Jira restores them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App user is in the jira-software-users group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atlassian manages the app user&apos;s groups. Add it back to jira-software-users (Administration, User management, Groups, jira-software-users, Add members: Exalate), or reinstall or update the app so Jira restores them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App user holds the atlassian-addons-project-access role in each project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jira puts app users in this role automatically. In each project listed open Project settings, People and add the Exalate app user to atlassian-addons-project-access, or update the app so Jira grants it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role holds &apos;Administer Projects&apos; in each project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the permission scheme of each project listed (Project settings, Permissions, Actions, Edit permissions), grant &apos;Administer Projects&apos; to Project Role: atlassian-addons-project-access. Remove it only for projects the integration must never see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role holds &apos;Browse Projects&apos; in each project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the permission scheme of each project listed (Project settings, Permissions, Actions, Edit permissions), grant &apos;Browse Projects&apos; to Project Role: atlassian-addons-project-access. Remove it only for projects the integration must never see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role holds &apos;Manage sprints&apos; in each project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the permission scheme of each project listed (Project settings, Permissions, Actions, Edit permissions), grant &apos;Manage sprints&apos; to Project Role: atlassian-addons-project-access. Remove it only for projects the integration must never see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role holds &apos;Service Project Agent&apos; in each project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the permission scheme of each project listed (Project settings, Permissions, Actions, Edit permissions), grant &apos;Service Project Agent&apos; to Project Role: atlassian-addons-project-access. Remove it only for projects the integration must never see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role holds &apos;View Development Tools&apos; in each project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In the permission scheme of each project listed (Project settings, Permissions, Actions, Edit permissions), grant &apos;View Development Tools&apos; to Project Role: atlassian-addons-project-access. Remove it only for projects the integration must never see.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>App user can see issues at every security level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues at a security level the app user is not a member of are silently skipped. In Administration, Issues, Issue security schemes, open the project&apos;s scheme and add Project Role: atlassian-addons-project-access to each level listed (or accept that those issues never sync).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user reaches public projects only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A known weakness of the Connect operation lets the integration read data of every project its user can browse. Remove the proxy user (or its role or group) from Browse Projects in the permission scheme of each project listed (Project settings, Permissions, Browse Projects), or accept the risk knowingly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator holds the Administer Jira global permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the person to a group that holds &apos;Administer Jira&apos; (Settings (cog), System, Global permissions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator holds Administer Projects in each project in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In each project listed open Project settings, People and add the person to the Administrators role (or grant them Administer Projects in the project&apos;s permission scheme).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a member of exalate_console_admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Jira administrator adds the person to exalate_console_admin (admin.atlassian.com, Directory, Groups, exalate_console_admin, Add group member).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group exalate_console_admin exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Jira administrator creates it (admin.atlassian.com, Directory, Groups, Create group, name it exactly exalate_console_admin).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>jira_onprem</name>
    <message>
        <source> Only the first {checked} of {total} projects were looked at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} can browse projects that are not public: {projects}.{partly}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The permission schemes could not be read with this credential (it takes a Jira administrator), so private projects could not be told apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify with a Jira administrator&apos;s credential, or check each project&apos;s Browse Projects permission by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} reaches only public projects among those checked, but the permission schemes of {projects} could not be read.{partly}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} cannot browse any project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} can browse only public projects ({checked} checked).{partly}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} and {count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> or </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a Jira administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} does not hold Administer Jira.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jira did not list {who}&apos;s groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Look for the person in {group}&apos;s member list (user management, Groups), or add them there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a member of {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not a member of {group} (their groups: {groups}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} exists ({who} is in it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group called {group} on this Jira.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} may not browse groups, so Jira does not say whether {group} exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a Jira administrator to look for {group} in the Groups list, or verify with an administrator&apos;s credential.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects are in scope, so project-admin rights were not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the keys of the projects the connection syncs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the projects in scope exists, so project-admin rights were not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Correct the project keys in the scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not project administrator of: {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} administers {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a Jira system administrator. If this is a person&apos;s own account, their edits will stop syncing.{extra}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> With Jira Service Management synced, requests raised &apos;on behalf of&apos; a customer through this account would never sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not a Jira system administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects are in scope, so project permissions could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the projects in scope exists, so project permissions could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the keys of the projects to sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{project} (not found, or the proxy user cannot see it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} lacks it in: {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET mypermissions for {projects}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has it in {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No projects are in scope.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A search by {who} cannot see: {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} can search issues in {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jira Service Management is not installed on this Jira (its REST API is missing), so there is no service desk to be an agent of.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Install Jira Service Management, or turn off service desk syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the projects in scope ({shown}) is a service project {who} can open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the service project&apos;s key to the scope, and make the proxy user an agent of it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Not service projects: {projects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not an agent of: {projects}.{note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is an agent of {projects}.{note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can browse the projects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Browse Projects&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can create issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Create Issues&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can edit issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Edit Issues&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can link issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Link Issues&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can change issue statuses (transitions)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Transition Issues&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can add comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Add Comments&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can edit all comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Edit All Comments&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can delete all comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Delete All Comments&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can add attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Create Attachments&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can delete all attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Delete All Attachments&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can log work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Work On Issues&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can edit all work logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Edit All Worklogs&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can delete all work logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Delete All Worklogs&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can set issue security levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grant it in the permission scheme of each project listed: Project settings, Permissions, Actions, Edit permissions, then &apos;Set Issue Security&apos;, Grant, and add the proxy user (or a group or project role it belongs to).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can search for issues (triggers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Triggers find issues with a JQL search: give the proxy user Browse Projects in the projects listed and check that the project keys are right.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is a service desk agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the proxy user to the Service Desk Team role of each service project (Project settings, People) and give it a Jira Service Management licence (Administration, Applications, Application access). Without an agent licence it cannot transition, edit or post public comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user reaches public projects only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A known weakness of the Connect operation lets the integration read data of every project its user can browse. Remove the proxy user (or its role or group) from Browse Projects in the permission scheme of each project listed (Project settings, Permissions, Browse Projects), or accept the risk knowingly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is not a system administrator&apos;s personal account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a dedicated integration account (for example &apos;exalate-proxy&apos;) as proxy user: changes made by the proxy user are not synchronised, so a person&apos;s own edits would stop syncing. With Jira Service Management, requests an agent raises &apos;on behalf of&apos; a customer through an admin proxy user never sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator holds the Administer Jira global permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the person to a group that holds &apos;Administer Jira&apos; (Administration, System, Global permissions).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator holds Administer Projects in each project in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In each project listed open Project settings, People and add the person to the Administrators role (or grant them Administer Projects in the project&apos;s permission scheme).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a member of exalate_console_admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Jira administrator adds the person to exalate_console_admin (Administration, User management, Groups, exalate_console_admin, Add group member).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group exalate_console_admin exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A Jira administrator creates it (Administration, User management, Groups, Create group, name it exactly exalate_console_admin).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>salesforce</name>
    <message>
        <source>Proxy user may use the API (API Enabled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on API Enabled for the user: Setup, Profiles (or a permission set assigned to the user), System Permissions, API Enabled. Salesforce sends the same answer when the org&apos;s edition has no API access: if API Enabled is already on, the edition lacks it (Enterprise, Unlimited, Developer and Performance have it, Professional needs the API add-on): ask your Salesforce account executive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can read the objects in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user Read on the objects: Setup, Users, Profiles (or Permission Sets), the proxy user&apos;s profile, Object Settings, the object, Read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can create records of the objects in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user Create on the objects: Setup, Users, Profiles (or Permission Sets), the proxy user&apos;s profile, Object Settings, the object, Create.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can edit records of the objects in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user Edit on the objects: Setup, Users, Profiles (or Permission Sets), the proxy user&apos;s profile, Object Settings, the object, Edit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can add case comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user Read and Edit on Cases (case comments follow the case&apos;s access), and check the profile&apos;s page layouts show Case Comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can add files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn on Create for Files (Content) in the profile, System Permissions, and make sure the user can see Files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Org has API requests left today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The org is near its 24-hour API request limit: check Setup, Company Information, API Requests, Last 24 Hours, reduce other integrations&apos; use or buy more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is not a person&apos;s own admin account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a dedicated integration user (a Salesforce Integration user licence or a dedicated System Administrator) as proxy user; its own edits are not synced back, so a person&apos;s account would lose theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a System Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the person the System Administrator profile (Setup, Users, Users, the person, Edit, Profile), or a permission set with Modify All Data or Customize Application (Setup, Users, Permission Sets).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a member of exalate_console_admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A System Administrator opens Setup, Users, Public Groups, exalate_console_admin, Edit, and adds the person to Selected Members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public group exalate_console_admin exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no API versions listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user id Salesforce did not name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{kind}, profile {profile}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The REST API answered for {who} (profile {profile}; API Enabled through {via}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>its profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a permission set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} signs in (the OAuth userinfo endpoint answered), but the REST API refused: {said}. Salesforce answers this way when the user&apos;s profile and permission sets lack API Enabled, and when the org&apos;s edition has no API access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the REST API refused: {said}. Salesforce answers this way when the user&apos;s profile and permission sets lack API Enabled, and when the org&apos;s edition has no API access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the objects in scope exists, so object permissions could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing on: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Granted on {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET sobjects (Describe Global) for {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET sobjects (Describe Global)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user cannot see {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is createable for the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is not createable for the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only users with View Setup and Configuration can read the org&apos;s limits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check Setup, Company Information, API Requests, Last 24 Hours by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Salesforce did not report the daily API request limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No API requests left of {top} in the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only {left} of {top} API requests left in the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{left} of {top} API requests left in the last 24 hours.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has Modify All Data (profile {profile}), like a System Administrator. If this is a person&apos;s own account, their edits stop syncing and the setup ends when they leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile {profile} is not an all-powerful admin profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has the profile {profile}{how}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ({permissions})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has administrator permissions through the permission set {names} (profile {profile}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} has the profile {profile} and no permission set with Modify All Data or Customize Application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no public group {group} in this org.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} cannot be in {group}: the group does not exist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First create the public group {group}, then add the person to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The public group {group} exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a member of {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not a direct member of {group} (ExaDesk counts direct members only, not members through a role or another group).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign the permission set {label} to {user} (it grants {what})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>API Enabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{permission} on {objects}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} also grants {permissions}: no permission set in this org grants {what} with less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} also gives object permissions on {objects}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} grants nothing beyond what the integration&apos;s requirements need.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A System Administrator opens Setup, Users, Public Groups, New, and sets Group Name to exactly exalate_console_admin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>servicenow</name>
    <message>
        <source>its roles (sys_user_has_role answered 403 User Not Authorized)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As an administrator open User Administration, Users, the proxy user, and its Roles tab; it should hold the integration&apos;s dedicated role, not admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user&apos;s roles are not visible to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the built-in admin account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} holds the admin role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user is {who}. The integration works, but it can change anything on the instance, and a person&apos;s admin account would stop their own edits syncing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user&apos;s roles are not visible to it (sys_user_has_role ACLs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the user&apos;s Roles tab as an administrator (User Administration, Users).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles: {roles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As an administrator open System Definition, Plugins and check that &apos;Contextual Security: Role Management V2 REST API&apos; ({plugin}) is installed and active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the plugin list (v_plugin answered 403 User Not Authorized)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is installed but {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plugin {plugin} is not installed: the instance&apos;s plugin list shows other plugins but not this one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The plugin list (v_plugin) shows no plugin at all to the proxy user (its rows are hidden), so the plugin could not be checked. Confirm it by hand: {steps}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>records readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read refused (403)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no such table, or no access to it ({status})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} records exist but none is readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no records visible (the table may be empty, or ACLs hide every row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table}: {access}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table} ({access})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the tables in scope exists, so reading could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read: {tables}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not proven: {tables}. ServiceNow hides rows the ACLs deny instead of refusing, so an empty answer is not proof either way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open one record of the table while impersonating the proxy user (System Security, Impersonate User).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readable: {tables}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of the tables in scope exists, so writing could not be checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user holds admin, which ACLs allow to write {tables}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table} (ACL roles held: {roles})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no role needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table} (write ACLs ask for {roles})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table} (holds {roles}; ACLs not readable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{table} (none of {roles}; ACLs not readable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles do not allow writing: {tables}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write access to {tables} could not be worked out: the ACLs (sys_security_acl, guarded by security_admin) and the proxy user&apos;s roles do not show it. Confirm it with a test write (see the manual check).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By roles and ACLs: {tables}. ACL conditions and scripts can still refuse single records; the manual check confirms it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role is granted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin includes it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The proxy user lacks snc_platform_rest_api_access. It reached the API now, but instances that restrict REST access by role refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import set roles: {roles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>through admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No import set role among: {roles}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is {why}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>web service access only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>holds snc_basic_auth_api_access</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>whether it holds snc_basic_auth_api_access (sys_user_has_role answered 403 User Not Authorized); it is not &apos;Web service access only&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account is not web-service-access-only and its roles are not visible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic sign-in works today, but the account is neither &apos;Web service access only&apos; nor holds snc_basic_auth_api_access; the Basic authentication restriction (Australia release) refuses such accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (counted from when ExaDesk signed in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{days} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>100 days unless the application sets another lifespan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ServiceNow does not let the proxy user read its token records, so the refresh token&apos;s expiry is unknown. A refresh token lives {span} from when it was issued and is not extended when used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As an administrator open System OAuth, Manage Tokens and note the refresh token&apos;s Expires date.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh token expired on {when}{counted}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh token runs out on {when} ({days} days left){counted}; after that the integration stops until a new one is entered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The refresh token runs out on {when} ({days} days left){counted}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} holds the admin role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} does not hold the admin role (roles: {roles}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who}&apos;s roles are not visible to them (sys_user_has_role ACLs).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator checks the person&apos;s Roles tab (User Administration, Users).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group {group} exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group {group} exists but is not active.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator opens User Administration, Groups, {group}, ticks Active and saves.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group called {group} on this instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} may not read groups, so the instance does not say whether {group} exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an administrator to look for {group} in User Administration, Groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a member of {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} cannot be in {group}: the group does not exist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First create the group {group}, then add the person to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not a member of {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} may not read group memberships, so the instance does not say whether they are in {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an administrator to check User Administration, Groups, {group}, Group Members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user has a dedicated role rather than admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a role for the integration (User Administration, Roles) with read/write on the synced tables, give it to the proxy user, and remove admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role Management V2 REST API plugin is installed and active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open System Definition, Plugins, find &apos;Contextual Security: Role Management V2 REST API&apos; (com.glide.role_management.inh_count.rest_api) and activate it. Instances since New York have it; after an upgrade it may need activating by hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can read the tables in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user a role that the table&apos;s read ACLs allow (System Security, Access Control (ACL), operation read), for incident usually itil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can write the tables in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user a role that the table&apos;s write ACLs allow (System Security, Access Control (ACL), operation write), for incident usually itil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user may use the REST API</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user the snc_platform_rest_api_access role (User Administration, Users, the user, Roles, Edit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user has the import set roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user import_set_loader and import_transformer (User Administration, Users, the user, Roles, Edit).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can read comments and work notes (sys_journal_field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user a role the sys_journal_field read ACLs allow (System Security, Access Control (ACL), table sys_journal_field).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user can read attachments (sys_attachment)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user a role the sys_attachment read ACLs allow (System Security, Access Control (ACL), table sys_attachment).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Basic sign-in is allowed for this account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick &apos;Web service access only&apos; on the proxy user (User Administration, Users), or give it the snc_basic_auth_api_access role; from the Australia release Basic sign-in is refused otherwise.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth refresh token is not about to run out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Get a new refresh token (sign in again as the proxy user) and replace it in ExaDesk; consider a longer Refresh Token Lifespan in System OAuth, Application Registry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A test write by the proxy user succeeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask an administrator to review the write ACLs of the table (System Security, Access Control).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator holds the admin role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator opens User Administration, Users, the person, the Roles tab, Edit, and adds admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group exalate_console_admin exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator opens User Administration, Groups, New, and names the group exactly exalate_console_admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a member of exalate_console_admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator opens User Administration, Groups, exalate_console_admin, the Group Members tab, Edit, and adds the person.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <location filename="../texts.py" line="25"/>
        <source>{count} check could not run until sign-in works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="26"/>
        <source>{count} checks could not run until sign-in works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="34"/>
        <source>The file could not be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="36"/>
        <source>ExaDesk&apos;s data file needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="44"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="45"/>
        <source>Prepared offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="46"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="47"/>
        <source>Failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="49"/>
        <source>Expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="55"/>
        <source>Not verified yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="56"/>
        <source>Saved without reaching the instance; verify it once it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="57"/>
        <source>The last verification found everything the integration needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="58"/>
        <source>The last verification found something to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="63"/>
        <source>The credential expires soon; create a new one and replace the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="69"/>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="70"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="71"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="48"/>
        <location filename="../texts.py" line="72"/>
        <location filename="../texts.py" line="89"/>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="22"/>
        <source>{count} check did not run: the verification was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="24"/>
        <source>{count} checks did not run: the verification was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="73"/>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="96"/>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="97"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="98"/>
        <source>Work logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="99"/>
        <source>Security levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="100"/>
        <source>Triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="101"/>
        <source>Service desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="107"/>
        <source>Comments are copied both ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="108"/>
        <source>Files attached to work items are copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="109"/>
        <source>Time logged on work items is copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="110"/>
        <source>Issue security levels are read and set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="111"/>
        <source>Items are picked up automatically by a search or filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="112"/>
        <source>Customer requests and their portal comments are synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="118"/>
        <source>The credential was not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="119"/>
        <source>The account lacks a permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="120"/>
        <source>Something in the address or scope was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="121"/>
        <source>The instance could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="122"/>
        <source>The secure connection could not be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="123"/>
        <source>The tracker is limiting requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="124"/>
        <source>The tracker answered unexpectedly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="125"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="126"/>
        <source>Something in the form needs a fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="127"/>
        <source>The keychain needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="128"/>
        <source>Verification could not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="133"/>
        <source>ExaDesk could not write its data file {path} ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="135"/>
        <source>Check that the disk is not full and that the folder can be written, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="80"/>
        <source>Confirm by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="90"/>
        <source>Not checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="88"/>
        <source>Not ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="59"/>
        <source>Nothing failed in the last verification, but something it could have decided was not (a table it may not read, a field not sent, the run stopped): see the checks marked Not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="87"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>zendesk</name>
    <message>
        <source>end user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>chat-only agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contributor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>billing admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user without a role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>custom role &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an {kind}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zendesk answered as an anonymous visitor, so the credential identified nobody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address is the account the token belongs to and enter the credential again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is suspended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is {role}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is an admin ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is an agent ({kind}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only agents and admins can work on tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zendesk did not list the custom role {role_id} of {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admins can edit tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a {kind}, which cannot edit tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents can edit tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {role} may edit ticket properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {role} may not edit ticket properties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admins see all tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {kind} cannot work on tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a restricted agent (limited to its groups or organisation).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not restricted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {role} sees all tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {role} sees {seen}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only tickets in the agent&apos;s groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only tickets in the agent&apos;s groups and public groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only tickets in the agent&apos;s organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>only tickets assigned to the agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tickets &apos;{access}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admins can add public comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A {kind} can only add private comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agents can add public comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {role} may add public comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The {role} may only add private comments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No groups are in scope, so group membership was not checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the groups whose tickets are synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not in: {missing} (member of {member}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} belongs to {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a Zendesk admin (the default proxy user). If this is a person&apos;s own account, their edits stop syncing and the setup ends when they leave.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the address is the account the credential belongs to and enter it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a Zendesk admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is {found}, not an admin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an end user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an agent with the custom role &apos;{name}&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an agent with custom role {role_id}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End users may not read groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a Zendesk admin to look in {step}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} exists ({who} is in it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is a member of {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} is not a member of {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group called {group} on this account.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{who} cannot be in {group}: the group does not exist yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First create the group {group}, then add the person to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{group} is not among the groups {who} can see (a private group is hidden from non-members).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask a Zendesk admin to look for {group} in {step}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make {user} an agent (it is an end user now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} takes one of the account&apos;s agent seats and can work on tickets as its role allows. Undoing makes it an end user again, which also takes it out of its groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lift the suspension of {user}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} can sign in and use the API again, and new tickets from it are no longer suspended. Undoing suspends it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give {user} the custom role &apos;{role}&apos; instead of &apos;{current}&apos; (it may {what})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit ticket properties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>see all tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>add public comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{role}&apos; also allows {fields} (Zendesk&apos;s names): no custom role on this account allows what the integration needs with less.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&apos;{role}&apos; allows nothing beyond working on tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {user} to the group {group}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{user} then sees the tickets of {group} and can be assigned them. Undoing takes it out again, and Zendesk then unassigns the open tickets it has in {group}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is an agent or admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the proxy user the Agent or Admin role (Admin Center, People, Team, Roles, or People, Team members, the user, Role). End users cannot see or change tickets through the API.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role may edit tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use a role that can edit ticket properties: Admin, Agent, or a custom role with &apos;Edit ticket properties&apos; on (Admin Center, People, Team, Roles, the role, Tickets). Light agents and contributors cannot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role sees all tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set the role&apos;s ticket access to &apos;All tickets in the account&apos; (Admin Center, People, Team, Roles, the role, Tickets), or the sync misses tickets outside the agent&apos;s groups or organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role may add public comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Allow public comments in the role (Admin Center, People, Team, Roles, the role, Tickets, &apos;Can add public comments&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user belongs to the groups in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the proxy user to each group: Admin Center, People, Team, Groups, the group, Add agents. Agents limited to their groups only see those groups&apos; tickets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proxy user is not a person&apos;s own admin account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create a dedicated agent for the integration (for example &apos;exalate-sync&apos;) and use it as proxy user; its own edits are not synced, so a person&apos;s account would lose theirs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console access restricted to roles or groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restrict who can open the integration&apos;s console in Zendesk: Admin Center, Apps and integrations, Zendesk Support apps, the app, Settings, Enable role restrictions / Enable group restrictions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator has the Zendesk Admin role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An admin opens Admin Center, People, Team, Team members, the person, and sets Role to Admin. A delegated administrator may instead have a custom role with limited permissions, or the Contributor role (Admin Center, People, Team, Roles).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator is a member of exalate_console_admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An admin opens Admin Center, People, Team, Groups, exalate_console_admin, Add agents, and adds the person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The group exalate_console_admin exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An admin opens Admin Center, People, Team, Groups, Create group, and names it exactly exalate_console_admin.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
