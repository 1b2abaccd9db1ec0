<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChecksModel</name>
    <message>
        <location filename="../checks_table.py" line="24"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="24"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="24"/>
        <source>What was found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../checks_table.py" line="24"/>
        <source>How to fix</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChecksTable</name>
    <message>
        <location filename="../checks_table.py" line="93"/>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <location filename="../wizard.py" line="190"/>
        <source>Address and credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="191"/>
        <source>Each entry is checked as you type; nothing is sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="225"/>
        <source>Instance address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="228"/>
        <source>Instance &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="233"/>
        <location filename="../wizard.py" line="237"/>
        <source>More options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="253"/>
        <source>Sign in with the &amp;browser…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="254"/>
        <source>Sign in with the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="255"/>
        <source>Sign in as the proxy user in your browser and allow access; ExaDesk fills the refresh token and keeps it in the keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="258"/>
        <source>Instead of pasting a refresh token: fill the address and the client id, then sign in as the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="262"/>
        <source>Name in ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="264"/>
        <source>&amp;Name in ExaDesk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="267"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="271"/>
        <source>&amp;Workspace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="302"/>
        <source>This is the sandbox&apos;s workspace. Your instance is kept when the sandbox restarts, but a workspace of your own keeps your work apart from the demo.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="343"/>
        <source>Saved in the keychain; leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="349"/>
        <source>(optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiringDialog</name>
    <message>
        <location filename="../expiry_dialog.py" line="33"/>
        <location filename="../expiry_dialog.py" line="40"/>
        <source>Expiring credentials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="34"/>
        <source>Credentials that expire within {days} days, or already have. Create a new one in the tracker before the date, then use Replace secret on the instance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="42"/>
        <source>Instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="42"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="42"/>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="42"/>
        <source>Time left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="58"/>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="58"/>
        <source>{count} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="46"/>
        <source>No credential expires within {days} days. ExaDesk knows a date when the tracker reports it or when you enter it on the instance&apos;s page.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="54"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="56"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExpiryDateDialog</name>
    <message>
        <location filename="../expiry_dialog.py" line="95"/>
        <source>Credential expiry of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="96"/>
        <source>When does the proxy user&apos;s credential expire? Look it up where it was created (for a token, its settings page shows the date). ExaDesk warns you {days} days ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="103"/>
        <source>Expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="108"/>
        <source>&amp;No expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="109"/>
        <source>Forget the date (the credential does not expire, or it is not known)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../expiry_dialog.py" line="114"/>
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
        <location filename="../widgets.py" line="88"/>
        <source>{problem}. Expected: {expected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="98"/>
        <source>Expected: {expected}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../views.py" line="58"/>
        <source>for example Acme or My team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="59"/>
        <source>Workspace name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="60"/>
        <source>&amp;Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="61"/>
        <source>Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="66"/>
        <source>&amp;Try the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="67"/>
        <source>Try the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="68"/>
        <source>Workspace &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="85"/>
        <source>Welcome to ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="87"/>
        <source>ExaDesk helps you set up the proxy user of a sync integration on each tracker, checks it live (reading only, never changing anything), tells you exactly what is missing and how to fix it, and keeps every secret in your system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="91"/>
        <source>Start with a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="92"/>
        <source>A workspace groups the instances of one client or team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="95"/>
        <source>Or try it without a real tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="97"/>
        <source>The sandbox starts emulators of the trackers on this computer and adds a demo workspace with made-up credentials, so you can see every step without touching a real system.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FixDialog</name>
    <message>
        <location filename="../fix_dialog.py" line="63"/>
        <source>Fix {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="65"/>
        <source>Reading what is in place on the tracker (nothing is changed)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="69"/>
        <source>Working</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="72"/>
        <source>The changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="74"/>
        <source>&amp;Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="76"/>
        <source>Make these changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="78"/>
        <source>&amp;Undo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="79"/>
        <source>Undo the changes of this fix run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="80"/>
        <source>Reverses the changes this run made, newest first, after you confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="101"/>
        <source>Fix run of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="102"/>
        <source>Fix run {run}, applied {at} by {by}: {state}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="117"/>
        <source>Making the changes, then verifying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="133"/>
        <source>Undo fix run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="140"/>
        <source>Undoing the changes, then verifying again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="179"/>
        <source>&amp;Apply {count} change(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="192"/>
        <source>Applied {count} change, recorded as fix run {run}; Undo… reverses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="193"/>
        <source>Applied {count} changes, recorded as fix run {run}; Undo… reverses them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="212"/>
        <source>Undid {count} change of fix run {run}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="213"/>
        <source>Undid {count} changes of fix run {run}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../fix_dialog.py" line="100"/>
        <location filename="../fix_dialog.py" line="183"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FreshserviceApiKeyPage</name>
    <message>
        <location filename="../pages/freshservice_api_key.py" line="25"/>
        <location filename="../pages/freshservice_api_key.py" line="29"/>
        <source>The key is rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/freshservice_api_key.py" line="30"/>
        <source>What an administrator has to change when Freshservice refuses the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../pages/freshservice_api_key.py" line="35"/>
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
        <location filename="../instance_page.py" line="60"/>
        <source>&amp;Verify now</source>
        <extracomment>How many lines &quot;What changed&quot; and the verification timeline show before they scroll (the checks take the rest).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="61"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="62"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="63"/>
        <source>Replace &amp;secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="64"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="65"/>
        <source>Sign &amp;in again…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="66"/>
        <source>Sign in again with the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="67"/>
        <source>The tracker no longer accepts the saved sign-in; sign in again in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="71"/>
        <source>Fi&amp;x…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="72"/>
        <source>Fix the failing checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="73"/>
        <source>Shows the changes that would make the failing checks pass, made with an administrator&apos;s credential; nothing is changed until you confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="77"/>
        <location filename="../instance_page.py" line="233"/>
        <source>Set &amp;date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="78"/>
        <source>Enter or clear the credential&apos;s expiry date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="79"/>
        <source>Enter the date the credential expires when the tracker does not report it, so ExaDesk warns you in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="82"/>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="82"/>
        <source>Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="83"/>
        <source>Edit instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="83"/>
        <source>Replace secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="84"/>
        <source>Remove instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="102"/>
        <source>Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="102"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="103"/>
        <source>Sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="103"/>
        <source>Proxy user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="104"/>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="104"/>
        <source>In scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="105"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="105"/>
        <source>Credential expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="106"/>
        <source>Last verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="123"/>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="128"/>
        <source>Not verified yet. Choose Verify now to check the proxy user live; ExaDesk only reads, it never changes anything on the tracker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="150"/>
        <location filename="../instance_page.py" line="160"/>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="163"/>
        <source>Verification history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="166"/>
        <location filename="../instance_page.py" line="194"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="166"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="166"/>
        <source>Missing or the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="179"/>
        <location filename="../instance_page.py" line="191"/>
        <source>Fix runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="181"/>
        <source>&amp;Undo fix run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="182"/>
        <source>Undo the chosen fix run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="183"/>
        <source>Shows the run&apos;s changes and reverses them after you confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="194"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="194"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="194"/>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="226"/>
        <source>Known after the first verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="227"/>
        <source>Items and fields only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="228"/>
        <source>Nothing listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="230"/>
        <source>In the keychain: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="231"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="232"/>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="233"/>
        <source>Change &amp;date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="235"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="267"/>
        <source>Nothing changed between the stored verifications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="269"/>
        <source>Changes appear here once the instance was verified twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="61"/>
        <location filename="../main_window.py" line="305"/>
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
        <location filename="../main_window.py" line="276"/>
        <source>Last Verify all: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="331"/>
        <source>Verifying {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="347"/>
        <source>Nothing to verify in {name}: every instance was verified in the last 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="349"/>
        <source>Nothing to verify: every instance was verified in the last 7 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="410"/>
        <source>Verification finished.</source>
        <extracomment>Finished runs are written together at most this often, so 50 runs finishing at once cost one write and one sidebar rebuild instead of fifty.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../wizard.py" line="63"/>
        <source>How will {tracker} sign in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="66"/>
        <source>Choose the administrator&apos;s credential ExaDesk signs in with to check the proxy user (the account the integration acts as); the proxy user needs none.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="69"/>
        <source>Choose the kind of credential the proxy user (the account the integration acts as) will use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="98"/>
        <source>This is an administrator&apos;s own credential, used to read settings; it is not the proxy user&apos;s.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewConnectionDialog</name>
    <message>
        <location filename="../connection_dialog.py" line="78"/>
        <source>New connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="78"/>
        <source>Edit connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="79"/>
        <source>A connection joins two instances through the integration. ExaDesk then plans who may configure it and checks that with each administrator&apos;s own credential (reading only).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="84"/>
        <source>Connection name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="85"/>
        <source>for example Jira to ServiceNow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="87"/>
        <source>One side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="87"/>
        <source>Other side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="92"/>
        <source>How it is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="97"/>
        <source>&amp;Basic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="98"/>
        <source>A ready-made mapping of the common fields, without scripts; a project administrator may set it up on Jira Cloud.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="100"/>
        <source>&amp;Visual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="101"/>
        <source>Both sides are mapped in one place with drag and drop, so one person must be administrator on both systems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="103"/>
        <source>&amp;Scripted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="104"/>
        <source>Each side runs its own sync scripts, written by that side&apos;s own administrator; the most flexible.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="126"/>
        <source>&amp;Create connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="132"/>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="161"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="184"/>
        <source>{name} ({tracker})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="197"/>
        <source>None yet (check later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="235"/>
        <source>The workspace needs two instances first: set them up from the tracker list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="237"/>
        <source>Choose the instance of each side.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="239"/>
        <source>Choose two different instances.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="241"/>
        <source>Give the connection a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="245"/>
        <source>{name} already has a connection with this name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="253"/>
        <source>A project administrator may only configure Basic connections on Jira Cloud; the plan will show this side as not allowed.</source>
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
        <location filename="../wizard.py" line="558"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="570"/>
        <source>Verify &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="571"/>
        <source>Verify again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="601"/>
        <source>Not verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="605"/>
        <source>1 thing to fix before the integration can work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="607"/>
        <source>{count} things to fix before the integration can work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="614"/>
        <source>Ready: the proxy user has everything the integration needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="619"/>
        <source>Signed in as {who}. Proxy user checked: {proxy}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="621"/>
        <source>Signed in as {who}, the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="623"/>
        <source>Signed in as {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="634"/>
        <source>“Verify again” runs the checks again; “Save for later” keeps the instance as prepared offline, with its secret in the keychain, to verify later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="638"/>
        <source>The instance could not be checked now. “Save for later” keeps it as prepared offline, with its secret in the keychain; verify it once it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="642"/>
        <source>Save stores the instance in the workspace and its secret in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="610"/>
        <source>Not confirmed: nothing fails, but {count} of the checks could not be decided on this instance; confirm them by hand.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxDialog</name>
    <message>
        <location filename="../sandbox_demo.py" line="196"/>
        <source>Sandbox: demo credentials</source>
        <extracomment>The name of a learning scenario&apos;s instance (the scenario&apos;s label follows).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="200"/>
        <source>The sandbox runs emulators of the trackers on this computer, with made-up credentials. Its instances are in the workspace “{workspace}”: verify them there, or practise the set-up wizard by copying an address and a credential from this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="206"/>
        <source>Ready instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="206"/>
        <source>A failing instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="207"/>
        <source>Learning scenarios: each reproduces a problem admins meet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="244"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="250"/>
        <source>In scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="252"/>
        <source>OAuth client ID (browser sign-in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="254"/>
        <source>OAuth client secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="259"/>
        <source>{instance}: {what}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="262"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="263"/>
        <source>Copy {what} of {instance}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="269"/>
        <source>Show in the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sandbox_demo.py" line="279"/>
        <source>Copied: {what} of {instance}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SecretEdit</name>
    <message>
        <location filename="../widgets.py" line="30"/>
        <location filename="../widgets.py" line="49"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="32"/>
        <source>Show {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="33"/>
        <source>Show or hide what you typed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="36"/>
        <source>Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="37"/>
        <source>Paste {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="38"/>
        <source>Paste from the clipboard (surrounding spaces and line breaks are removed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="49"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../settings_dialog.py" line="17"/>
        <location filename="../settings_dialog.py" line="118"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="20"/>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="23"/>
        <source>Keychain in use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="27"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="29"/>
        <source>empty: the system&apos;s proxy (HTTPS_PROXY)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="30"/>
        <source>Proxy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="32"/>
        <source>empty: the system&apos;s trusted authorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="33"/>
        <location filename="../settings_dialog.py" line="101"/>
        <source>CA bundle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="34"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="35"/>
        <source>Choose a CA bundle file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="44"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="46"/>
        <source>Timeout in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="48"/>
        <source>&amp;Proxy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="48"/>
        <source>&amp;CA bundle:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="49"/>
        <source>&amp;Timeout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="53"/>
        <source>Use the CA bundle when your company inspects HTTPS traffic; never turn certificate checks off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="60"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="61"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="65"/>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="71"/>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="95"/>
        <source>Secrets are kept in: {backend}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="102"/>
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
        <location filename="../wizard.py" line="676"/>
        <source>Edit {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="677"/>
        <source>Set up {tracker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="683"/>
        <source>Save for &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="684"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="685"/>
        <location filename="../wizard.py" line="712"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="686"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="687"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="688"/>
        <source>Keep the instance as prepared offline and verify it later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="841"/>
        <source>The secret could not be saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="843"/>
        <source>&amp;Keep without its secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="844"/>
        <source>Store the instance as prepared offline, without its secret; enter the secret with Replace secret once a keychain works</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="846"/>
        <source>Back to the wizard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../sidebar.py" line="132"/>
        <location filename="../sidebar.py" line="133"/>
        <source>Filter workspaces and instances</source>
        <extracomment>Room around a badge&apos;s text in its column.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="134"/>
        <source>Every word must match a name, tracker, address, proxy user, state or note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="138"/>
        <source>Nothing matches the filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="145"/>
        <source>Workspaces and instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="164"/>
        <source>Tracker catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="170"/>
        <source>&amp;Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="172"/>
        <source>Set up a &amp;tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="206"/>
        <source>{name} (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="234"/>
        <source>{name} (archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="244"/>
        <source>Workspace {name}, {count} instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="245"/>
        <source>Workspace {name}, {count} instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="251"/>
        <source>{name} (admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="267"/>
        <source>⇄ {name} (side missing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="268"/>
        <source>⇄ {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="273"/>
        <source>An instance of this connection was removed: open it to choose another</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="275"/>
        <source>Connection: who may configure it, and what they need</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="277"/>
        <source>Connection {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../wizard.py" line="392"/>
        <source>What will be synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="393"/>
        <source>The proxy user needs more permissions for some of these; the list below follows your choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="411"/>
        <source>{label} in &amp;scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="416"/>
        <source>What the proxy user &amp;needs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="421"/>
        <source>What the proxy user needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="454"/>
        <source>(confirm by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="459"/>
        <source>Nothing beyond signing in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackerPage</name>
    <message>
        <location filename="../views.py" line="254"/>
        <source>&amp;Set up an instance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="255"/>
        <source>Set up an instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="294"/>
        <source>Create a workspace first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyAllAdapter</name>
    <message>
        <location filename="../verify_all.py" line="95"/>
        <source>{done} of {total} verified: {ready} ready, {not_ready} not ready, {other} not confirmed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../verify_all.py" line="113"/>
        <source>Stopped. {summary}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../verify_all.py" line="117"/>
        <source>Last Verify all: {summary}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../wizard.py" line="472"/>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="473"/>
        <source>ExaDesk only reads: nothing is created or changed on the tracker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="477"/>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="479"/>
        <source>&amp;Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="480"/>
        <source>Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="482"/>
        <source>Verify &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="483"/>
        <source>Verify again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="509"/>
        <source>Checking {tracker} at {url}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="521"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="529"/>
        <source>{done} of about {total} checks done: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="541"/>
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
        <location filename="../wizard.py" line="129"/>
        <source>Instance address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="131"/>
        <source>Instance &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="137"/>
        <source>Type the address first to get direct links to the right settings pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="148"/>
        <source>Create the credential: {method}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="149"/>
        <source>Follow these steps in {tracker}, signed in as the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="151"/>
        <source>Follow these steps in {tracker}, signed in as an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowDialogs</name>
    <message>
        <location filename="../window_dialogs.py" line="22"/>
        <location filename="../window_dialogs.py" line="134"/>
        <source>ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="22"/>
        <location filename="../window_dialogs.py" line="134"/>
        <source>Create a workspace first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="27"/>
        <source>Add an administrator&apos;s credential for {tracker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="47"/>
        <source>Saved {name} in {workspace}: {state}. {meaning}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="50"/>
        <source>Saved {name} in {workspace} without its secret (prepared offline); enter it with Replace secret once a keychain works.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="103"/>
        <source>Remove {name} from {workspace}? Its secrets are deleted from the keychain. Nothing changes on the tracker itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="109"/>
        <source>Remove instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="152"/>
        <source>Bundle written to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="175"/>
        <source>Imported {name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="212"/>
        <source>Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_dialogs.py" line="213"/>
        <source>Remove the connection {name}? The instances and their secrets stay.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <location filename="../window_menus.py" line="14"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="15"/>
        <source>&amp;Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="16"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="24"/>
        <source>&amp;New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="27"/>
        <source>Start the &amp;sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="29"/>
        <source>Sandbox &amp;credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="31"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="34"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="37"/>
        <source>&amp;Import bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="39"/>
        <source>Export workspace &amp;bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="41"/>
        <location filename="../window_menus.py" line="136"/>
        <source>Export &amp;readiness report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="56"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="59"/>
        <source>&amp;Rename workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="62"/>
        <location filename="../window_menus.py" line="112"/>
        <source>&amp;Archive workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="64"/>
        <source>Show a&amp;rchived workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="67"/>
        <location filename="../window_menus.py" line="133"/>
        <source>&amp;Verify all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="69"/>
        <location filename="../window_menus.py" line="135"/>
        <source>New &amp;connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="71"/>
        <source>&amp;Expiring credentials…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="82"/>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="85"/>
        <source>&amp;About ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="111"/>
        <source>Restore workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="129"/>
        <source>&amp;Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="130"/>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="130"/>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="137"/>
        <source>Export &amp;bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="139"/>
        <source>&amp;Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="140"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="141"/>
        <source>Credential &amp;expiry date…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="143"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="145"/>
        <source>&amp;Edit connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_menus.py" line="146"/>
        <source>&amp;Remove connection</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceActions</name>
    <message>
        <location filename="../window_workspaces.py" line="26"/>
        <source>Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="40"/>
        <source>New workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="40"/>
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
        <location filename="../window_workspaces.py" line="119"/>
        <source>Sandbox running: {count} emulators on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="122"/>
        <source>Your own instances in {workspace} were kept as they were: {names}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../window_workspaces.py" line="125"/>
        <source>No keychain is available, so its made-up credentials are kept in memory until ExaDesk closes.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <location filename="../views.py" line="130"/>
        <source>This workspace is archived: it is left out of Verify all and of the expiry warnings. Restore it from the Workspace menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="135"/>
        <source>To add an instance, pick its tracker under “Set up a tracker” in the sidebar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="137"/>
        <source>&amp;Verify all in this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="138"/>
        <source>Verify all in this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="139"/>
        <source>Verifies the instances never verified, prepared offline or last verified more than 7 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="142"/>
        <source>&amp;Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="143"/>
        <source>Stop verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="147"/>
        <source>Verify all progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="148"/>
        <source>%v of %m verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="157"/>
        <location filename="../views.py" line="160"/>
        <source>Credentials expiring within 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="162"/>
        <source>No credential of this workspace expires within 30 days (as far as ExaDesk knows: enter a date on an instance&apos;s page when the tracker does not say).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="193"/>
        <source>No instances yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="196"/>
        <source>{count} instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="196"/>
        <source>{count} instances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="197"/>
        <source>{count}. {states}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="210"/>
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
        <location filename="../connection_dialog.py" line="34"/>
        <source>{side}: instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="36"/>
        <source>{side}: kind of administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="38"/>
        <source>Local (system) administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="39"/>
        <source>Project administrator (Jira Cloud, Basic mode only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="40"/>
        <source>Delegated administrator (member of exalate_console_admin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="43"/>
        <source>{side}: administrator&apos;s credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="44"/>
        <source>Add an administrator&apos;s credential…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="45"/>
        <source>Opens the set-up wizard for this side&apos;s tracker; the credential is stored as an administrator&apos;s (role admin), never used as the proxy user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="53"/>
        <source>&amp;Instance:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="53"/>
        <source>&amp;Administrator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../connection_dialog.py" line="57"/>
        <source>Their &amp;credential:</source>
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
</TS>
