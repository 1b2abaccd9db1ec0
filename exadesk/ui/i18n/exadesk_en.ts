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
        <location filename="../checks_table.py" line="76"/>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <location filename="../wizard.py" line="219"/>
        <source>Address and credential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="220"/>
        <source>Each entry is checked as you type; nothing is sent yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="252"/>
        <source>Instance address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="255"/>
        <source>Instance &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="260"/>
        <location filename="../wizard.py" line="264"/>
        <source>More options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="276"/>
        <source>Name in ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="278"/>
        <source>&amp;Name in ExaDesk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="294"/>
        <source>Saved in the keychain; leave empty to keep it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="300"/>
        <source>(optional)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../widgets.py" line="87"/>
        <source>{problem}. Expected: {expected}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../widgets.py" line="94"/>
        <source>Expected: {expected}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunPage</name>
    <message>
        <location filename="../views.py" line="47"/>
        <source>for example Acme or My team</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="48"/>
        <source>Workspace name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="49"/>
        <source>&amp;Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="50"/>
        <source>Create workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="55"/>
        <source>&amp;Try the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="56"/>
        <source>Try the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="57"/>
        <source>Workspace &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="74"/>
        <source>Welcome to ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="76"/>
        <source>ExaDesk helps you set up the proxy user of a sync integration on each tracker, checks it live (reading only, never changing anything), tells you exactly what is missing and how to fix it, and keeps every secret in your system keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="80"/>
        <source>Start with a workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="81"/>
        <source>A workspace groups the instances of one client or team.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="84"/>
        <source>Or try it without a real tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="86"/>
        <source>The sandbox starts emulators of the trackers on this computer and adds a demo workspace with made-up credentials, so you can see every step without touching a real system.</source>
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
    <name>InstancePage</name>
    <message>
        <location filename="../instance_page.py" line="49"/>
        <source>&amp;Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="50"/>
        <source>&amp;Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="51"/>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="52"/>
        <source>Replace &amp;secret…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="53"/>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="54"/>
        <source>Verify now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="54"/>
        <source>Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="55"/>
        <source>Edit instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="55"/>
        <source>Replace secret</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="56"/>
        <source>Remove instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="74"/>
        <source>Tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="74"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="75"/>
        <source>Sign-in method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="75"/>
        <source>Proxy user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="76"/>
        <source>Synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="76"/>
        <source>In scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="77"/>
        <source>Secrets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="77"/>
        <source>Credential expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="78"/>
        <source>Last verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="87"/>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="91"/>
        <source>Not verified yet. Choose Verify now to check the proxy user live; ExaDesk only reads, it never changes anything on the tracker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="136"/>
        <source>Known after the first verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="137"/>
        <source>Items and fields only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="138"/>
        <source>Nothing listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="139"/>
        <source>In the keychain: {names}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="140"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="141"/>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../instance_page.py" line="143"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="50"/>
        <location filename="../main_window.py" line="231"/>
        <location filename="../main_window.py" line="277"/>
        <source>ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="52"/>
        <source>ExaDesk main window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="60"/>
        <source>Choose an instance or a tracker in the sidebar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="85"/>
        <source>Ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="130"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="131"/>
        <source>&amp;New workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="134"/>
        <source>Start the &amp;sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="136"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="139"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="146"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="147"/>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="150"/>
        <source>&amp;About ExaDesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="241"/>
        <source>New workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="241"/>
        <source>Workspace name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="261"/>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="262"/>
        <source>The emulators could not start ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="265"/>
        <source>Sandbox running: {count} emulators on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="277"/>
        <source>Create a workspace first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="316"/>
        <source>Remove instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="317"/>
        <source>Remove {name} from {workspace}? Its secrets are deleted from the keychain. Nothing changes on the tracker itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="368"/>
        <source>Verifying {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="417"/>
        <source>Verification finished.</source>
        <extracomment>Finished runs are written together at most this often, so 50 runs finishing at once cost one write and one sidebar rebuild instead of fifty.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MethodPage</name>
    <message>
        <location filename="../wizard.py" line="70"/>
        <source>How will {tracker} sign in?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="71"/>
        <source>Choose the kind of credential the proxy user (the account the integration acts as) will use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="90"/>
        <source>This is an administrator&apos;s own credential, used to read settings; it is not the proxy user&apos;s.</source>
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
        <location filename="../problem_view.py" line="93"/>
        <source>Next step: {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../problem_view.py" line="105"/>
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
        <location filename="../wizard.py" line="505"/>
        <source>Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="530"/>
        <source>Not verified.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="534"/>
        <source>1 thing to fix before the integration can work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="536"/>
        <source>{count} things to fix before the integration can work.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="539"/>
        <source>Ready: the proxy user has everything the integration needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="543"/>
        <source>Signed in as {who}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="550"/>
        <source>The instance could not be checked now. “Save for later” keeps it as prepared offline, with its secret in the keychain; verify it once it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="554"/>
        <source>Save stores the instance in the workspace and its secret in the keychain.</source>
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
        <location filename="../settings_dialog.py" line="110"/>
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
        <location filename="../settings_dialog.py" line="93"/>
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
        <location filename="../settings_dialog.py" line="56"/>
        <source>Appearance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="58"/>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59"/>
        <source>Follow the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59"/>
        <source>Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="59"/>
        <source>Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="63"/>
        <source>T&amp;heme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="69"/>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="87"/>
        <source>Secrets are kept in: {backend}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="94"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../settings_dialog.py" line="111"/>
        <source>The CA bundle {path} does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../wizard.py" line="587"/>
        <source>Edit {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="588"/>
        <source>Set up {tracker}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="594"/>
        <source>Save for &amp;later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="595"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="596"/>
        <location filename="../wizard.py" line="623"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="597"/>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="598"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="599"/>
        <source>Keep the instance as prepared offline and verify it later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../sidebar.py" line="88"/>
        <source>Workspaces and instances</source>
        <extracomment>A credential that expires within this is flagged &quot;expiring&quot;.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="103"/>
        <source>Tracker catalogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="109"/>
        <source>&amp;Workspaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="111"/>
        <source>Set up a &amp;tracker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="131"/>
        <source>{name} (retired)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../sidebar.py" line="159"/>
        <source>Workspace {name}, {count} instances</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../wizard.py" line="341"/>
        <source>What will be synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="342"/>
        <source>The proxy user needs more permissions for some of these; the list below follows your choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="360"/>
        <source>{label} in &amp;scope:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="365"/>
        <source>What the proxy user &amp;needs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="370"/>
        <source>What the proxy user needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="401"/>
        <source>(confirm by hand)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="406"/>
        <source>Nothing beyond signing in.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TrackerPage</name>
    <message>
        <location filename="../views.py" line="164"/>
        <source>&amp;Set up an instance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="165"/>
        <source>Set up an instance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="202"/>
        <source>Create a workspace first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../wizard.py" line="419"/>
        <source>Verifying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="420"/>
        <source>ExaDesk only reads: nothing is created or changed on the tracker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="424"/>
        <source>Verification progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="426"/>
        <source>&amp;Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="427"/>
        <source>Cancel verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="429"/>
        <source>Verify &amp;again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="430"/>
        <source>Verify again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="456"/>
        <source>Checking {tracker} at {url}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="468"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="476"/>
        <source>{done} of about {total} checks done: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="488"/>
        <source>Finished.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Walkthrough</name>
    <message>
        <location filename="../wizard.py" line="143"/>
        <location filename="../wizard.py" line="144"/>
        <source>Open in the browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="146"/>
        <source>Enter the instance address above first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WalkthroughPage</name>
    <message>
        <location filename="../wizard.py" line="159"/>
        <source>Instance address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="161"/>
        <source>Instance &amp;address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="167"/>
        <source>Type the address first to get direct links to the right settings pages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="178"/>
        <source>Create the credential: {method}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="179"/>
        <source>Follow these steps in {tracker}, signed in as the proxy user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../wizard.py" line="181"/>
        <source>Follow these steps in {tracker}, signed in as an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspacePage</name>
    <message>
        <location filename="../views.py" line="114"/>
        <source>To add an instance, pick its tracker under “Set up a tracker” in the sidebar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="116"/>
        <source>&amp;Verify all in this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="117"/>
        <source>Verify all in this workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="135"/>
        <source>No instances yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../views.py" line="138"/>
        <source>{count} instances. {states}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>texts</name>
    <message>
        <location filename="../texts.py" line="20"/>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="21"/>
        <source>Prepared offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="22"/>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="23"/>
        <source>Failing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="24"/>
        <source>Expiring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="30"/>
        <source>Not verified yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="31"/>
        <source>Saved without reaching the instance; verify it once it can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="32"/>
        <source>The last verification found everything the integration needs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="33"/>
        <source>The last verification found something to fix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="34"/>
        <source>The credential expires soon; create a new one and replace the secret.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="40"/>
        <source>Passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="41"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="42"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="43"/>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="44"/>
        <source>Not needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="50"/>
        <source>Comments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="51"/>
        <source>Attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="52"/>
        <source>Work logs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="53"/>
        <source>Security levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="54"/>
        <source>Triggers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="55"/>
        <source>Service desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="61"/>
        <source>Comments are copied both ways.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="62"/>
        <source>Files attached to work items are copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="63"/>
        <source>Time logged on work items is copied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="64"/>
        <source>Issue security levels are read and set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="65"/>
        <source>Items are picked up automatically by a search or filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="66"/>
        <source>Customer requests and their portal comments are synced.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="72"/>
        <source>The credential was not accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="73"/>
        <source>The account lacks a permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="74"/>
        <source>Something in the address or scope was not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="75"/>
        <source>The instance could not be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="76"/>
        <source>The secure connection could not be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="77"/>
        <source>The tracker is limiting requests</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="78"/>
        <source>The tracker answered unexpectedly</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="79"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="80"/>
        <source>Something in the form needs a fix</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="81"/>
        <source>The keychain needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="82"/>
        <source>Verification could not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="87"/>
        <source>ExaDesk could not write its data file {path} ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../texts.py" line="89"/>
        <source>Check that the disk is not full and that the folder can be written, then try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
