<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi_IN">
<context>
    <name>Actions</name>
    <message>
        <source>Registered</source>
        <translation>दर्ज किया</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>बदलाव किया</translation>
    </message>
    <message>
        <source>Viewed</source>
        <translation>देखा</translation>
    </message>
    <message>
        <source>Photo added</source>
        <translation>फ़ोटो जोड़ी</translation>
    </message>
    <message>
        <source>Photos added</source>
        <translation>फ़ोटो जोड़ीं</translation>
    </message>
    <message>
        <source>Main photo chosen</source>
        <translation>मुख्य फ़ोटो चुनी</translation>
    </message>
    <message>
        <source>Photo turned</source>
        <translation>फ़ोटो घुमाई</translation>
    </message>
    <message>
        <source>Photo removed</source>
        <translation>फ़ोटो हटाई</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>आयात किया</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>दोनों पासवर्ड एक जैसे नहीं हैं।</translation>
    </message>
    <message>
        <source>Adding the user…</source>
        <translation>उपयोगकर्ता जोड़ा जा रहा है…</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>उपयोगकर्ता जोड़ें</translation>
    </message>
</context>
<context>
    <name>AdminActions</name>
    <message>
        <source>Your password has been changed.</source>
        <translation>आपका पासवर्ड बदल दिया गया है।</translation>
    </message>
    <message>
        <source>The station passphrase has been changed.</source>
        <translation>थाने का पासफ़्रेज़ बदल दिया गया है।</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>प्रशासन</translation>
    </message>
    <message>
        <source>&amp;Users and roles…</source>
        <translation>उपयोगकर्ता और भूमिकाएँ…</translation>
    </message>
    <message>
        <source>&amp;Audit log: who did what…</source>
        <translation>ऑडिट लॉग: किसने क्या किया…</translation>
    </message>
    <message>
        <source>&amp;Back up to a file…</source>
        <translation>फ़ाइल में बैकअप लें…</translation>
    </message>
    <message>
        <source>Change the &amp;station passphrase…</source>
        <translation>थाने का पासफ़्रेज़ बदलें…</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>मेरा पासवर्ड बदलें…</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>डेस्क लॉक करें</translation>
    </message>
    <message>
        <source>Cover the registers until you enter your password again (Ctrl+L)</source>
        <translation>जब तक आप फिर से पासवर्ड न डालें, रजिस्टर ढके रहें (Ctrl+L)</translation>
    </message>
</context>
<context>
    <name>AuditActions</name>
    <message>
        <source>Logged in</source>
        <translation>लॉग इन किया</translation>
    </message>
    <message>
        <source>Wrong password tried</source>
        <translation>गलत पासवर्ड आज़माया गया</translation>
    </message>
    <message>
        <source>Station encrypted</source>
        <translation>थाना एन्क्रिप्ट किया गया</translation>
    </message>
    <message>
        <source>Station passphrase changed</source>
        <translation>थाने का पासफ़्रेज़ बदला गया</translation>
    </message>
    <message>
        <source>Listed a register</source>
        <translation>रजिस्टर की सूची देखी</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>उपयोगकर्ता जोड़ा</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>भूमिका बदली</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>उपयोगकर्ता फिर सक्रिय किया</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>उपयोगकर्ता निष्क्रिय किया</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>नया पासवर्ड दिया</translation>
    </message>
    <message>
        <source>Own password changed</source>
        <translation>अपना पासवर्ड बदला</translation>
    </message>
    <message>
        <source>Audit log opened</source>
        <translation>ऑडिट लॉग खोला</translation>
    </message>
    <message>
        <source>Audit log checked</source>
        <translation>ऑडिट लॉग की जाँच की</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>बैकअप बनाया</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>बैकअप से वापस लाया</translation>
    </message>
    <message>
        <source>Database checked</source>
        <translation>डेटाबेस की जाँच की</translation>
    </message>
    <message>
        <source>Station set up</source>
        <translation>थाना स्थापित किया</translation>
    </message>
    <message>
        <source>Handover certificate issued</source>
        <translation>सुपुर्दगी प्रमाण-पत्र जारी किया</translation>
    </message>
    <message>
        <source>Certificate copy printed</source>
        <translation>प्रमाण-पत्र की प्रतिलिपि छापी</translation>
    </message>
    <message>
        <source>Poster or notice printed</source>
        <translation>पोस्टर या सूचना छापी</translation>
    </message>
    <message>
        <source>Certificate checked</source>
        <translation>प्रमाण-पत्र की जाँच की</translation>
    </message>
    <message>
        <source>Matches looked at</source>
        <translation>मिलान देखे</translation>
    </message>
    <message>
        <source>Match compared</source>
        <translation>मिलान की तुलना की</translation>
    </message>
    <message>
        <source>Match confirmed</source>
        <translation>मिलान की पुष्टि की</translation>
    </message>
    <message>
        <source>Match rejected</source>
        <translation>मिलान अस्वीकार किया</translation>
    </message>
    <message>
        <source>Match decision undone</source>
        <translation>मिलान का निर्णय वापस लिया</translation>
    </message>
    <message>
        <source>All found children matched</source>
        <translation>सभी मिले हुए बच्चों का मिलान किया</translation>
    </message>
    <message>
        <source>Face chosen</source>
        <translation>चेहरा चुना</translation>
    </message>
    <message>
        <source>Parents&apos; gallery shown</source>
        <translation>माता-पिता के लिए दीर्घा दिखाई</translation>
    </message>
    <message>
        <source>Figures exported</source>
        <translation>आँकड़े निर्यात किए</translation>
    </message>
    <message>
        <source>Figures printed</source>
        <translation>आँकड़े छापे</translation>
    </message>
    <message>
        <source>Batch for district HQ written</source>
        <translation>ज़िला मुख्यालय के लिए बैच बनाया</translation>
    </message>
    <message>
        <source>Station batch imported</source>
        <translation>थाने का बैच आयात किया</translation>
    </message>
    <message>
        <source>Key exported</source>
        <translation>कुंजी निर्यात की</translation>
    </message>
    <message>
        <source>District HQ key set</source>
        <translation>ज़िला मुख्यालय की कुंजी लगाई</translation>
    </message>
    <message>
        <source>Station key trusted</source>
        <translation>थाने की कुंजी को मान्यता दी</translation>
    </message>
    <message>
        <source>Signing key made</source>
        <translation>हस्ताक्षर कुंजी बनाई</translation>
    </message>
    <message>
        <source>Conflict settled</source>
        <translation>टकराव सुलझाया</translation>
    </message>
    <message>
        <source>Stations matched again</source>
        <translation>थानों का फिर से मिलान किया</translation>
    </message>
    <message>
        <source>District HQ set up</source>
        <translation>ज़िला मुख्यालय स्थापित किया</translation>
    </message>
    <message>
        <source>PFIF file imported</source>
        <translation>PFIF फ़ाइल आयात की</translation>
    </message>
    <message>
        <source>PFIF file written</source>
        <translation>PFIF फ़ाइल बनाई</translation>
    </message>
</context>
<context>
    <name>AuditFilterBar</name>
    <message>
        <source>The first day is after the last day.</source>
        <translation>पहला दिन आख़िरी दिन के बाद का है।</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>उपयोगकर्ता:</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>कार्य:</translation>
    </message>
    <message>
        <source>F&amp;rom day:</source>
        <translation>किस दिन से:</translation>
    </message>
    <message>
        <source>&amp;To day:</source>
        <translation>किस दिन तक:</translation>
    </message>
    <message>
        <source>Re&amp;cord:</source>
        <translation>रिकॉर्ड:</translation>
    </message>
    <message>
        <source>&amp;Words:</source>
        <translation>शब्द:</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>सभी उपयोगकर्ता</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>सभी कार्य</translation>
    </message>
    <message>
        <source>Case no., register no. or id</source>
        <translation>प्रकरण क्रमांक, रजिस्टर क्रमांक या आईडी</translation>
    </message>
    <message>
        <source>Words in the details</source>
        <translation>विवरण में आए शब्द</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>खोजें</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>साफ़ करें</translation>
    </message>
</context>
<context>
    <name>AuditViewer</name>
    <message>
        <source>The check found this row altered.</source>
        <translation>जाँच में यह पंक्ति बदली हुई पाई गई।</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>खोजा जा रहा है…</translation>
    </message>
    <message>
        <source>No events match.</source>
        <translation>कोई घटना मेल नहीं खाती।</translation>
    </message>
    <message>
        <source>Events %1–%2 of %3</source>
        <translation>घटनाएँ %1–%2, कुल %3 में से</translation>
    </message>
    <message>
        <source>Checking the audit log…</source>
        <translation>ऑडिट लॉग की जाँच हो रही है…</translation>
    </message>
    <message>
        <source>The audit log is intact: %1 rows checked; none was altered, inserted or deleted.</source>
        <translation>ऑडिट लॉग सुरक्षित है: %1 पंक्तियाँ जाँची गईं; कोई भी बदली, जोड़ी या हटाई नहीं गई।</translation>
    </message>
    <message>
        <source>The audit log has been tampered with (%1 rows checked). What the check found:</source>
        <translation>ऑडिट लॉग से छेड़छाड़ हुई है (%1 पंक्तियाँ जाँची गईं)। जाँच में यह मिला:</translation>
    </message>
    <message>
        <source>Audit log: who did what</source>
        <translation>ऑडिट लॉग: किसने क्या किया</translation>
    </message>
    <message>
        <source>◀ &amp;Newer</source>
        <translation>◀ नई</translation>
    </message>
    <message>
        <source>&amp;Older ▶</source>
        <translation>पुरानी ▶</translation>
    </message>
    <message>
        <source>Check the log for &amp;tampering</source>
        <translation>लॉग में छेड़छाड़ की जाँच करें</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>किसने</translation>
    </message>
    <message>
        <source>What</source>
        <translation>क्या किया</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>रिकॉर्ड</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>विवरण</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up to</source>
        <translation>बैकअप यहाँ लें</translation>
    </message>
    <message>
        <source>Muskaan Station backups (%1)</source>
        <translation>मुस्कान स्टेशन बैकअप (%1)</translation>
    </message>
    <message>
        <source>Choose where to write the backup.</source>
        <translation>चुनें कि बैकअप कहाँ लिखा जाए।</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>दोनों पासफ़्रेज़ एक जैसे नहीं हैं।</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>बैकअप लिखा जा रहा है…</translation>
    </message>
    <message>
        <source>Back up the station</source>
        <translation>थाने का बैकअप लें</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>बैकअप फ़ाइल</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>बैकअप पासफ़्रेज़</translation>
    </message>
    <message>
        <source>Backup passphrase again</source>
        <translation>बैकअप पासफ़्रेज़ दोबारा</translation>
    </message>
    <message>
        <source>Everything goes into one encrypted file: the register, the photos and the station&apos;s keys. Choose a passphrase of at least %1 characters and keep it apart from the pen drive; without it the backup cannot be restored.</source>
        <translation>सब कुछ एक एन्क्रिप्टेड फ़ाइल में जाता है: रजिस्टर, फ़ोटो और थाने की कुंजियाँ। कम से कम %1 अक्षरों का पासफ़्रेज़ चुनें और उसे पेन ड्राइव से अलग रखें; उसके बिना बैकअप वापस नहीं लाया जा सकता।</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>बैकअप लें</translation>
    </message>
</context>
<context>
    <name>BackupFileDialog</name>
    <message>
        <source>Choose…</source>
        <translation>चुनें…</translation>
    </message>
</context>
<context>
    <name>BackupReminder</name>
    <message>
        <source>Hide this reminder</source>
        <translation>यह याद-दिलाई छिपाएँ</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>अभी बैकअप लें…</translation>
    </message>
    <message>
        <source>No backup of this register has been made on this computer yet.</source>
        <translation>इस कंप्यूटर पर इस रजिस्टर का अब तक कोई बैकअप नहीं बना है।</translation>
    </message>
    <message>
        <source>The last backup of this register is %1 days old.</source>
        <translation>इस रजिस्टर का पिछला बैकअप %1 दिन पुराना है।</translation>
    </message>
    <message>
        <source>A stolen or broken computer would lose every record since. Put a pen drive in and press “Back up now” (or, in a command window, run: %1). The backup is encrypted with a passphrase you choose; keep the pen drive locked away.</source>
        <translation>कंप्यूटर चोरी होने या खराब होने पर तब से का हर रिकॉर्ड खो जाएगा। पेन ड्राइव लगाएँ और “अभी बैकअप लें” दबाएँ (या कमांड विंडो में चलाएँ: %1)। बैकअप आपके चुने पासफ़्रेज़ से एन्क्रिप्ट होता है; पेन ड्राइव को ताले में रखें।</translation>
    </message>
</context>
<context>
    <name>ChainProblems</name>
    <message>
        <source>Row %1: the chain is broken here; rows were deleted or inserted.</source>
        <translation>पंक्ति %1: यहाँ शृंखला टूटी है; पंक्तियाँ हटाई या जोड़ी गई हैं।</translation>
    </message>
    <message>
        <source>Row %1: its contents were altered.</source>
        <translation>पंक्ति %1: इसकी सामग्री बदली गई है।</translation>
    </message>
    <message>
        <source>%2 row(s) were deleted.</source>
        <translation>%2 पंक्ति(याँ) हटाई गई हैं।</translation>
    </message>
    <message>
        <source>%2 row(s) more than were written.</source>
        <translation>लिखी गई पंक्तियों से %2 पंक्ति(याँ) अधिक हैं।</translation>
    </message>
    <message>
        <source>The record of the log&apos;s end is missing.</source>
        <translation>लॉग के अंत का अभिलेख ग़ायब है।</translation>
    </message>
    <message>
        <source>The last row does not match the recorded end of the log.</source>
        <translation>आख़िरी पंक्ति लॉग के दर्ज अंत से मेल नहीं खाती।</translation>
    </message>
</context>
<context>
    <name>Choices</name>
    <message>
        <source>All</source>
        <translation>सभी</translation>
    </message>
    <message>
        <source>Boy</source>
        <translation>बालक</translation>
    </message>
    <message>
        <source>Girl</source>
        <translation>बालिका</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>अन्य</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>अज्ञात</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>गोरा</translation>
    </message>
    <message>
        <source>Wheatish</source>
        <translation>गेहुँआ</translation>
    </message>
    <message>
        <source>Brown</source>
        <translation>साँवला</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>काला</translation>
    </message>
    <message>
        <source>Missing person</source>
        <translation>गुमशुदगी</translation>
    </message>
    <message>
        <source>Kidnapping</source>
        <translation>अपहरण</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>लंबित</translation>
    </message>
    <message>
        <source>Traced</source>
        <translation>दस्तयाब</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>बंद</translation>
    </message>
    <message>
        <source>Not yet claimed</source>
        <translation>कोई दावेदार नहीं</translation>
    </message>
    <message>
        <source>In a shelter home</source>
        <translation>बाल गृह में</translation>
    </message>
    <message>
        <source>Restored to family</source>
        <translation>परिजनों को सुपुर्द</translation>
    </message>
    <message>
        <source>Missing children</source>
        <translation>गुमशुदा बच्चे</translation>
    </message>
    <message>
        <source>Found children</source>
        <translation>मिले हुए बच्चे</translation>
    </message>
</context>
<context>
    <name>Dashboard</name>
    <message>
        <source>The first day is after the last day.</source>
        <translation>पहली तिथि आख़िरी तिथि के बाद की है।</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>गिनती हो रही है…</translation>
    </message>
    <message>
        <source>Save the table as CSV</source>
        <translation>तालिका CSV के रूप में सहेजें</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV फ़ाइलें (*.csv)</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>रिपोर्ट PDF के रूप में सहेजें</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF फ़ाइलें (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 सहेजा गया</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>%1 सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Operation Muskaan: monthly statistics</source>
        <translation>ऑपरेशन मुस्कान: मासिक आँकड़े</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>से:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>तक:</translation>
    </message>
    <message>
        <source>&amp;Show figures</source>
        <translation>आँकड़े दिखाएँ</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>CSV निर्यात करें…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>PDF निर्यात करें…</translation>
    </message>
    <message>
        <source>Month by month</source>
        <translation>माहवार</translation>
    </message>
    <message>
        <source>By type of case</source>
        <translation>प्रकरण के प्रकार के अनुसार</translation>
    </message>
    <message>
        <source>By age</source>
        <translation>आयु के अनुसार</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>शब्दों में</translation>
    </message>
    <message>
        <source>Boys traced</source>
        <translation>दस्तयाब बालक</translation>
    </message>
    <message>
        <source>Girls traced</source>
        <translation>दस्तयाब बालिकाएँ</translation>
    </message>
    <message>
        <source>Choose a period and press Show figures.</source>
        <translation>अवधि चुनें और ‘आँकड़े दिखाएँ’ दबाएँ।</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>माह</translation>
    </message>
    <message>
        <source>Registered
boys</source>
        <translation>दर्ज
बालक</translation>
    </message>
    <message>
        <source>Registered
girls</source>
        <translation>दर्ज
बालिकाएँ</translation>
    </message>
    <message>
        <source>Registered
total</source>
        <translation>दर्ज
कुल</translation>
    </message>
    <message>
        <source>Traced
boys</source>
        <translation>दस्तयाब
बालक</translation>
    </message>
    <message>
        <source>Traced
girls</source>
        <translation>दस्तयाब
बालिकाएँ</translation>
    </message>
    <message>
        <source>Traced
total</source>
        <translation>दस्तयाब
कुल</translation>
    </message>
    <message>
        <source>Pending at
month end</source>
        <translation>माह के अंत में
लंबित</translation>
    </message>
    <message>
        <source>Found children
received</source>
        <translation>मिले हुए बच्चे
प्राप्त</translation>
    </message>
    <message>
        <source>Restored
to family</source>
        <translation>परिजनों को
सुपुर्द</translation>
    </message>
    <message>
        <source>In a shelter
home now</source>
        <translation>अभी
बाल गृह में</translation>
    </message>
    <message>
        <source>Median days
to trace</source>
        <translation>दस्तयाबी तक
माध्यिका दिन</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>कुल</translation>
    </message>
    <message>
        <source>Type of case</source>
        <translation>प्रकरण का प्रकार</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>आयु वर्ग</translation>
    </message>
    <message>
        <source>0–5 years</source>
        <translation>0–5 वर्ष</translation>
    </message>
    <message>
        <source>6–11 years</source>
        <translation>6–11 वर्ष</translation>
    </message>
    <message>
        <source>12–14 years</source>
        <translation>12–14 वर्ष</translation>
    </message>
    <message>
        <source>15–17 years</source>
        <translation>15–17 वर्ष</translation>
    </message>
    <message>
        <source>18 or over</source>
        <translation>18 या अधिक</translation>
    </message>
    <message>
        <source>Age not known</source>
        <translation>आयु अज्ञात</translation>
    </message>
</context>
<context>
    <name>DocumentPrinting</name>
    <message>
        <source>Preparing the poster…</source>
        <translation>पोस्टर तैयार हो रहा है…</translation>
    </message>
    <message>
        <source>Preparing a copy of the certificate…</source>
        <translation>प्रमाण-पत्र की प्रति तैयार हो रही है…</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Could not complete</source>
        <translation>काम पूरा नहीं हुआ</translation>
    </message>
    <message>
        <source>(no log file)</source>
        <translation>(लॉग फ़ाइल नहीं है)</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. This is not your mistake.

What you saved before is safe. The details were written to:
%1

Please send that file to the district IT cell.</source>
        <translation>प्रोग्राम के अंदर कोई गड़बड़ी हुई है। इसमें आपकी कोई गलती नहीं है।

आपने पहले जो सहेजा था, वह सुरक्षित है। पूरा विवरण इस फ़ाइल में लिखा गया है:
%1

कृपया यह फ़ाइल ज़िले के आईटी सेल को भेजें।</translation>
    </message>
    <message>
        <source>Program error</source>
        <translation>प्रोग्राम में त्रुटि</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Register no.</source>
        <translation>रजिस्टर क्रमांक</translation>
    </message>
    <message>
        <source>Case no.</source>
        <translation>प्रकरण क्रमांक</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>अन्य नाम</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>आयु</translation>
    </message>
    <message>
        <source>Age (years)</source>
        <translation>आयु (वर्ष)</translation>
    </message>
    <message>
        <source>Estimated age from</source>
        <translation>अनुमानित आयु (से)</translation>
    </message>
    <message>
        <source>Estimated age to</source>
        <translation>अनुमानित आयु (तक)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>जन्म तिथि</translation>
    </message>
    <message>
        <source>Height (cm)</source>
        <translation>कद (सेमी)</translation>
    </message>
    <message>
        <source>Complexion</source>
        <translation>रंग</translation>
    </message>
    <message>
        <source>Build</source>
        <translation>शारीरिक बनावट</translation>
    </message>
    <message>
        <source>Hair</source>
        <translation>बाल</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>आँखें</translation>
    </message>
    <message>
        <source>Identification marks</source>
        <translation>पहचान चिह्न</translation>
    </message>
    <message>
        <source>Clothing</source>
        <translation>पहने हुए कपड़े</translation>
    </message>
    <message>
        <source>Languages spoken</source>
        <translation>बोली जाने वाली भाषाएँ</translation>
    </message>
    <message>
        <source>Other description</source>
        <translation>अन्य विवरण</translation>
    </message>
    <message>
        <source>District</source>
        <translation>ज़िला</translation>
    </message>
    <message>
        <source>State</source>
        <translation>राज्य</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>फ़ोटो</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>फ़ोटो</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>पूरा नाम</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>पासवर्ड दोबारा</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>दर्ज करने की तिथि</translation>
    </message>
    <message>
        <source>Case type</source>
        <translation>प्रकरण का प्रकार</translation>
    </message>
    <message>
        <source>FIR no.</source>
        <translation>एफ़आईआर क्रमांक</translation>
    </message>
    <message>
        <source>Last seen on</source>
        <translation>अंतिम बार कब देखा</translation>
    </message>
    <message>
        <source>Last seen at (place)</source>
        <translation>अंतिम बार कहाँ देखा</translation>
    </message>
    <message>
        <source>Guardian&apos;s name</source>
        <translation>अभिभावक का नाम</translation>
    </message>
    <message>
        <source>Relation to the child</source>
        <translation>बच्चे से संबंध</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन नंबर</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>Traced on</source>
        <translation>दस्तयाबी की तिथि</translation>
    </message>
    <message>
        <source>GD no.</source>
        <translation>रोज़नामचा (जीडी) क्रमांक</translation>
    </message>
    <message>
        <source>Found on</source>
        <translation>मिलने की तिथि</translation>
    </message>
    <message>
        <source>Found at (place)</source>
        <translation>मिलने का स्थान</translation>
    </message>
    <message>
        <source>Found by</source>
        <translation>किसने पाया</translation>
    </message>
    <message>
        <source>Now in the care of</source>
        <translation>अभी किसकी देखरेख में</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>तिथि</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>स्थान</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>थाना</translation>
    </message>
    <message>
        <source>Station name</source>
        <translation>थाने का नाम</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>दर्ज किया</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>अंतिम बदलाव</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>&amp;Find:</source>
        <translation>खोजें:</translation>
    </message>
    <message>
        <source>Name (in Hindi or English letters), register no., case no. or place</source>
        <translation>नाम (हिंदी या अंग्रेज़ी अक्षरों में), रजिस्टर क्रमांक, प्रकरण क्रमांक या स्थान</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>फ़िल्टर हटाएँ</translation>
    </message>
    <message>
        <source>Age from</source>
        <translation>आयु, से</translation>
    </message>
    <message>
        <source>to</source>
        <translation>तक</translation>
    </message>
    <message>
        <source>Last seen from</source>
        <translation>अंतिम बार देखा, से</translation>
    </message>
    <message>
        <source>Found from</source>
        <translation>मिलने की तिथि, से</translation>
    </message>
</context>
<context>
    <name>Gallery</name>
    <message>
        <source>Photos of children found</source>
        <translation>मिले हुए बच्चों की तस्वीरें</translation>
    </message>
    <message>
        <source>Boy or girl:</source>
        <translation>बालक या बालिका:</translation>
    </message>
    <message>
        <source>All</source>
        <translation>सभी</translation>
    </message>
    <message>
        <source>Age:</source>
        <translation>आयु:</translation>
    </message>
    <message>
        <source>All ages</source>
        <translation>सभी आयु</translation>
    </message>
    <message>
        <source>End (officer only)…</source>
        <translation>समाप्त करें (केवल अधिकारी)…</translation>
    </message>
    <message>
        <source>If you recognise your child, tell the officer at the desk.</source>
        <translation>यदि आप अपने बच्चे को पहचानते हैं, तो डेस्क पर बैठे अधिकारी को बताएँ।</translation>
    </message>
</context>
<context>
    <name>Groups</name>
    <message>
        <source>The child</source>
        <translation>बच्चे की जानकारी</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>हुलिया</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>अंतिम बार कब और कहाँ देखा</translation>
    </message>
    <message>
        <source>Where and when found</source>
        <translation>कब और कहाँ मिला</translation>
    </message>
    <message>
        <source>Guardian (who reported)</source>
        <translation>अभिभावक (सूचना देने वाले)</translation>
    </message>
    <message>
        <source>Case papers</source>
        <translation>प्रकरण विवरण</translation>
    </message>
</context>
<context>
    <name>HandoverDialog</name>
    <message>
        <source>Issuing the certificate…</source>
        <translation>प्रमाण-पत्र जारी किया जा रहा है…</translation>
    </message>
    <message>
        <source>Handover certificate for %1</source>
        <translation>%1 का सुपुर्दगीनामा</translation>
    </message>
    <message>
        <source>Person receiving the child</source>
        <translation>बच्चे को प्राप्त करने वाला व्यक्ति</translation>
    </message>
    <message>
        <source>Officer and witnesses</source>
        <translation>अधिकारी और गवाह</translation>
    </message>
    <message>
        <source>Orders, date and place</source>
        <translation>आदेश, दिनांक और स्थान</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Relation to the child</source>
        <translation>बच्चे से संबंध</translation>
    </message>
    <message>
        <source>Identity document</source>
        <translation>पहचान दस्तावेज़</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>दस्तावेज़ क्रमांक</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>पता</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>फ़ोन</translation>
    </message>
    <message>
        <source>Officer handing over</source>
        <translation>सुपुर्द करने वाले अधिकारी</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>पद</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>बैज क्रमांक</translation>
    </message>
    <message>
        <source>First witness</source>
        <translation>पहला गवाह</translation>
    </message>
    <message>
        <source>Second witness</source>
        <translation>दूसरा गवाह</translation>
    </message>
    <message>
        <source>CWC order number</source>
        <translation>बाल कल्याण समिति आदेश क्रमांक</translation>
    </message>
    <message>
        <source>CWC order date</source>
        <translation>बाल कल्याण समिति आदेश दिनांक</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>दिनांक और समय</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>स्थान</translation>
    </message>
</context>
<context>
    <name>HqWindow</name>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>%1 station(s), %2 with missing batches; %3 conflict(s); %4 match(es)</source>
        <translation>%1 थाने, %2 के बैच छूटे हुए; %3 टकराव; %4 मिलान</translation>
    </message>
    <message>
        <source>Import station batches</source>
        <translation>थानों के बैच आयात करें</translation>
    </message>
    <message>
        <source>Batches (*.muskaan-batch)</source>
        <translation>बैच (*.muskaan-batch)</translation>
    </message>
    <message>
        <source>Importing %1 batch(es)…</source>
        <translation>%1 बैच आयात हो रहे हैं…</translation>
    </message>
    <message>
        <source>Batches imported</source>
        <translation>बैच आयात हुए</translation>
    </message>
    <message>
        <source>Some batches refused</source>
        <translation>कुछ बैच अस्वीकार किए गए</translation>
    </message>
    <message>
        <source>%1 of %2 batch(es) imported; %3 refused (nothing written from those).</source>
        <translation>%2 में से %1 बैच आयात हुए; %3 अस्वीकार (उनसे कुछ भी दर्ज नहीं हुआ)।</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>आयात रद्द</translation>
    </message>
    <message>
        <source>The import was cancelled; the batch being read was not merged.</source>
        <translation>आयात रद्द कर दिया गया; जो बैच पढ़ा जा रहा था, वह जोड़ा नहीं गया।</translation>
    </message>
    <message>
        <source>Settling…</source>
        <translation>निपटाया जा रहा है…</translation>
    </message>
    <message>
        <source>missing:</source>
        <translation>छूटे हुए:</translation>
    </message>
    <message>
        <source>no trusted key</source>
        <translation>कोई भरोसेमंद कुंजी नहीं</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>कोड</translation>
    </message>
    <message>
        <source>Station</source>
        <translation>थाना</translation>
    </message>
    <message>
        <source>Last batch</source>
        <translation>अंतिम बैच</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>प्राप्त</translation>
    </message>
    <message>
        <source>Covers until</source>
        <translation>कब तक का</translation>
    </message>
    <message>
        <source>Gap</source>
        <translation>अंतराल</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>टकराव</translation>
    </message>
    <message>
        <source>Matches to review</source>
        <translation>जाँचने योग्य मिलान</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>कुंजी फ़िंगरप्रिंट</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>रिकॉर्ड</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>संस्करण</translation>
    </message>
    <message>
        <source>Differs (HQ / batch)</source>
        <translation>अंतर (मुख्यालय / बैच)</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>मिला</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>लेबल</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>अंक</translation>
    </message>
    <message>
        <source>Found child</source>
        <translation>मिला हुआ बच्चा</translation>
    </message>
    <message>
        <source>Found at</source>
        <translation>मिलने का स्थान</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>शिकायत</translation>
    </message>
    <message>
        <source>Complaint at</source>
        <translation>शिकायत का थाना</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>कब से</translation>
    </message>
    <message>
        <source>District HQ</source>
        <translation>ज़िला मुख्यालय</translation>
    </message>
    <message>
        <source>Stations</source>
        <translation>थाने</translation>
    </message>
    <message>
        <source>Cross-station matches</source>
        <translation>दूसरे थानों से मिलान</translation>
    </message>
    <message>
        <source>&amp;Import station batches…</source>
        <translation>थानों के बैच आयात करें…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>ताज़ा करें</translation>
    </message>
    <message>
        <source>Keep HQ&apos;s copy</source>
        <translation>मुख्यालय की प्रति रखें</translation>
    </message>
    <message>
        <source>Take the batch&apos;s copy</source>
        <translation>बैच की प्रति लें</translation>
    </message>
    <message>
        <source>Review the pair</source>
        <translation>जोड़ी की जाँच करें</translation>
    </message>
    <message>
        <source>Open the found child</source>
        <translation>मिला हुआ बच्चा खोलें</translation>
    </message>
    <message>
        <source>Open the complaint</source>
        <translation>शिकायत खोलें</translation>
    </message>
</context>
<context>
    <name>IdleLock</name>
    <message>
        <source>Checking the password…</source>
        <translation>पासवर्ड जाँचा जा रहा है…</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Import a register file</source>
        <translation>रजिस्टर फ़ाइल आयात करें</translation>
    </message>
    <message>
        <source>Register files (*.jsonl *.csv)</source>
        <translation>रजिस्टर फ़ाइलें (*.jsonl *.csv)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>%1 आयात हो रही है…</translation>
    </message>
    <message>
        <source>Imported %1 record(s): %2 new, %3 updated, %4 unchanged, %5 photo(s) added.</source>
        <translation>%1 रिकॉर्ड आयात हुए: %2 नए, %3 बदले गए, %4 में कोई बदलाव नहीं, %5 फ़ोटो जोड़ी गईं।</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>आयात पूरा हुआ</translation>
    </message>
    <message>
        <source>Import cancelled</source>
        <translation>आयात रद्द</translation>
    </message>
    <message>
        <source>The import was cancelled. Nothing was changed.</source>
        <translation>आयात रद्द कर दिया गया। कुछ भी नहीं बदला गया।</translation>
    </message>
</context>
<context>
    <name>LockPanel</name>
    <message>
        <source>This desk is locked</source>
        <translation>यह डेस्क लॉक है</translation>
    </message>
    <message>
        <source>It was locked after %1 minutes without use, so that nobody passing by sees the children&apos;s details.</source>
        <translation>%1 मिनट तक उपयोग न होने पर इसे लॉक कर दिया गया, ताकि पास से गुज़रने वाला कोई बच्चों का विवरण न देख सके।</translation>
    </message>
    <message>
        <source>It was locked so that nobody passing by sees the children&apos;s details.</source>
        <translation>इसे लॉक कर दिया गया, ताकि पास से गुज़रने वाला कोई बच्चों का विवरण न देख सके।</translation>
    </message>
    <message>
        <source>%1 can go on by entering their password. Anyone else: log out, then log in as yourself.</source>
        <translation>%1 अपना पासवर्ड डालकर काम जारी रख सकते हैं। कोई और हो तो: लॉग आउट करें, फिर अपने नाम से लॉग इन करें।</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>पासवर्ड:</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>खोलें</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>लॉग आउट</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Muskaan Station: log in</source>
        <translation>मुस्कान स्टेशन: लॉग इन</translation>
    </message>
    <message>
        <source>Muskaan Station</source>
        <translation>मुस्कान स्टेशन</translation>
    </message>
    <message>
        <source>&amp;User name</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>पासवर्ड</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>लॉग इन करें</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>&amp;Set up this station…</source>
        <translation>इस कंप्यूटर पर थाना सेट अप करें…</translation>
    </message>
    <message>
        <source>Try the &amp;demo</source>
        <translation>डेमो देखें</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>बैकअप से वापस लाएँ…</translation>
    </message>
    <message>
        <source>No police station is set up on this computer yet. Set it up with the station&apos;s code and an administrator account, bring it back from a backup (a new or repaired computer), or try the demo station (invented children, for practice).</source>
        <translation>इस कंप्यूटर पर अभी कोई थाना स्थापित नहीं है। थाने के कोड और एक एडमिनिस्ट्रेटर खाते से इसे स्थापित करें, बैकअप से वापस लाएँ (नया या ठीक किया गया कंप्यूटर), या डेमो थाना आज़माएँ (अभ्यास के लिए काल्पनिक बच्चे)।</translation>
    </message>
    <message>
        <source>Opening the register…</source>
        <translation>रजिस्टर खुल रहा है…</translation>
    </message>
    <message>
        <source>Log in to open the registers.</source>
        <translation>रजिस्टर खोलने के लिए लॉग इन करें।</translation>
    </message>
    <message>
        <source>Demo station. User name: %1, password: %2</source>
        <translation>डेमो थाना। उपयोगकर्ता नाम: %1, पासवर्ड: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Backup written to %1.</source>
        <translation>बैकअप %1 में लिखा गया।</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 सहेजा गया।</translation>
    </message>
    <message>
        <source>Possible duplicate complaint</source>
        <translation>संभावित दोहरी शिकायत</translation>
    </message>
    <message>
        <source>%1 may be the same child as %2. Check before going on.</source>
        <translation>%1 संभवतः वही बच्चा है जो %2 में दर्ज है। आगे बढ़ने से पहले जाँच लें।</translation>
    </message>
    <message>
        <source>%1: %2 likely match(es); open the record to review them.</source>
        <translation>%1: %2 संभावित मिलान; देखने के लिए रिकॉर्ड खोलें।</translation>
    </message>
    <message>
        <source>Muskaan Station: %1 (%2)</source>
        <translation>मुस्कान स्टेशन: %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>रजिस्टर</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>देखें</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;उपकरण</translation>
    </message>
    <message>
        <source>Monthly &amp;statistics…</source>
        <translation>मासिक &amp;आँकड़े…</translation>
    </message>
    <message>
        <source>&amp;Check a certificate…</source>
        <translation>प्रमाण-पत्र की &amp;जाँच करें…</translation>
    </message>
    <message>
        <source>&amp;Photo gallery for parents…</source>
        <translation>अभिभावकों के लिए &amp;तस्वीर दीर्घा…</translation>
    </message>
    <message>
        <source>District &amp;HQ: stations, batches, matches…</source>
        <translation>ज़िला &amp;मुख्यालय: थाने, बैच, मिलान…</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>भाषा</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>कार्य</translation>
    </message>
    <message>
        <source>New &amp;missing child…</source>
        <translation>नया गुमशुदा बच्चा…</translation>
    </message>
    <message>
        <source>Register a child reported missing (Ctrl+N)</source>
        <translation>गुमशुदा बच्चे की रिपोर्ट दर्ज करें (Ctrl+N)</translation>
    </message>
    <message>
        <source>New &amp;found child…</source>
        <translation>नया मिला हुआ बच्चा…</translation>
    </message>
    <message>
        <source>Register a child found or brought in (Ctrl+Shift+N)</source>
        <translation>मिले या थाने लाए गए बच्चे को दर्ज करें (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>&amp;Import a register file…</source>
        <translation>रजिस्टर फ़ाइल आयात करें…</translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation>रिकॉर्ड खोलें</translation>
    </message>
    <message>
        <source>&amp;Find a child</source>
        <translation>बच्चा खोजें</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>ताज़ा करें</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>लॉग आउट</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>लॉग इन: %1 (%2)</translation>
    </message>
</context>
<context>
    <name>MatchReview</name>
    <message>
        <source>likely</source>
        <translation>संभावित</translation>
    </message>
    <message>
        <source>possible</source>
        <translation>हो सकता है</translation>
    </message>
    <message>
        <source>unlikely</source>
        <translation>असंभावित</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>नाम</translation>
    </message>
    <message>
        <source>Face</source>
        <translation>चेहरा</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>लिंग</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>आयु</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>कद</translation>
    </message>
    <message>
        <source>Complexion</source>
        <translation>रंग</translation>
    </message>
    <message>
        <source>Identification marks</source>
        <translation>पहचान चिह्न</translation>
    </message>
    <message>
        <source>Clothing</source>
        <translation>पहने हुए कपड़े</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>भाषाएँ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>स्थान</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>तिथियाँ</translation>
    </message>
    <message>
        <source>Finding matching complaints…</source>
        <translation>मिलती-जुलती शिकायतें खोजी जा रही हैं…</translation>
    </message>
    <message>
        <source>No open complaint could be this child.</source>
        <translation>कोई भी लंबित शिकायत इस बच्चे की नहीं हो सकती।</translation>
    </message>
    <message>
        <source>Not this child</source>
        <translation>यह वह बच्चा नहीं है</translation>
    </message>
    <message>
        <source>Why is this complaint not this child?</source>
        <translation>यह शिकायत इस बच्चे की क्यों नहीं है?</translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation>निर्णय सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Matching complaints</source>
        <translation>मिलती-जुलती शिकायतें</translation>
    </message>
    <message>
        <source>Case number</source>
        <translation>प्रकरण क्रमांक</translation>
    </message>
    <message>
        <source>Ref</source>
        <translation>रजिस्टर क्रमांक</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>अंक</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>आकलन</translation>
    </message>
    <message>
        <source>Particular</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>Complaint says</source>
        <translation>शिकायत में</translation>
    </message>
    <message>
        <source>Found record says</source>
        <translation>मिले बच्चे के अभिलेख में</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>इसका अर्थ</translation>
    </message>
    <message>
        <source>&amp;Confirm: this is the child</source>
        <translation>&amp;पुष्टि करें: यही बच्चा है</translation>
    </message>
    <message>
        <source>&amp;Reject…</source>
        <translation>&amp;अस्वीकार करें…</translation>
    </message>
    <message>
        <source>&amp;Undo decision</source>
        <translation>निर्णय &amp;वापस लें</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>is required</source>
        <translation>भरना ज़रूरी है</translation>
    </message>
    <message>
        <source>must be filled in</source>
        <translation>भरना ज़रूरी है</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a number</source>
        <translation>&apos;%1&apos; संख्या नहीं है</translation>
    </message>
    <message>
        <source>the two passwords are not the same</source>
        <translation>दोनों पासवर्ड एक जैसे नहीं हैं</translation>
    </message>
    <message>
        <source>the two passphrases are not the same</source>
        <translation>दोनों पासफ़्रेज़ एक जैसे नहीं हैं</translation>
    </message>
    <message>
        <source>The station passphrase must be at least %1 characters: it alone keeps the register unreadable if this computer is stolen. A short sentence is easy to remember and hard to guess.</source>
        <translation>थाने का पासफ़्रेज़ कम से कम %1 अक्षर का होना चाहिए: कंप्यूटर चोरी हो जाए तो केवल यही रजिस्टर को पढ़ने से बचाता है। एक छोटा वाक्य याद रखना आसान और अनुमान लगाना कठिन होता है।</translation>
    </message>
    <message>
        <source>That passphrase does not unlock this station. Nothing was changed.</source>
        <translation>इस पासफ़्रेज़ से यह थाना नहीं खुलता। कुछ भी बदला नहीं गया।</translation>
    </message>
    <message>
        <source>lies in the future</source>
        <translation>आगे की (भविष्य की) तिथि है</translation>
    </message>
    <message>
        <source>is longer than %1 characters</source>
        <translation>%1 अक्षरों से लंबा है</translation>
    </message>
    <message>
        <source>%1 is not an age (0 to %2 years)</source>
        <translation>%1 सही आयु नहीं है (0 से %2 वर्ष)</translation>
    </message>
    <message>
        <source>%1 is more than the upper age %2</source>
        <translation>%1, अधिकतम आयु %2 से ज़्यादा है</translation>
    </message>
    <message>
        <source>%1 cm is not a child&apos;s height</source>
        <translation>%1 सेमी किसी बच्चे का कद नहीं हो सकता</translation>
    </message>
    <message>
        <source>is required when the child is traced</source>
        <translation>बच्चा दस्तयाब होने पर भरना ज़रूरी है</translation>
    </message>
    <message>
        <source>is given but the case is still open</source>
        <translation>भरा गया है, पर प्रकरण अभी लंबित है</translation>
    </message>
    <message>
        <source>is before the last seen date</source>
        <translation>अंतिम बार देखे जाने की तिथि से पहले की है</translation>
    </message>
    <message>
        <source>is after the last seen date</source>
        <translation>अंतिम बार देखे जाने की तिथि के बाद की है</translation>
    </message>
    <message>
        <source>is after the date the child was found</source>
        <translation>बच्चे के मिलने की तिथि के बाद की है</translation>
    </message>
    <message>
        <source>is already used by %1</source>
        <translation>पहले से %1 में दर्ज है</translation>
    </message>
    <message>
        <source>use 1 to 16 capital letters, digits or &apos;-&apos;, e.g. RTM01</source>
        <translation>1 से 16 तक अंग्रेज़ी के बड़े अक्षर, अंक या &apos;-&apos; लिखें, जैसे RTM01</translation>
    </message>
    <message>
        <source>must be at least %1 characters</source>
        <translation>कम से कम %1 अक्षर का होना चाहिए</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already taken</source>
        <translation>&apos;%1&apos; पहले से किसी और का है</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>उपयोगकर्ता नाम या पासवर्ड गलत है।</translation>
    </message>
    <message>
        <source>Account &apos;%1&apos; is locked after %2 wrong passwords; try again in %3 minutes.</source>
        <translation>%2 बार गलत पासवर्ड डालने से खाता &apos;%1&apos; बंद कर दिया गया है; %3 मिनट बाद फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>%1 was changed by %2 at %3 while you were editing it. Close this form and open the record again to see their change.</source>
        <translation>जब आप %1 में बदलाव कर रहे थे, तभी %2 ने %3 बजे इसमें बदलाव सहेज दिया। यह फ़ॉर्म बंद करें और उनका बदलाव देखने के लिए रिकॉर्ड फिर से खोलें।</translation>
    </message>
    <message>
        <source>Cancelled; nothing was changed.</source>
        <translation>रद्द किया गया; कुछ भी नहीं बदला गया।</translation>
    </message>
    <message>
        <source>The database %1 is damaged (%2). It has been moved aside, not overwritten.</source>
        <translation>डेटाबेस %1 खराब हो गया है (%2)। उसे मिटाया नहीं गया, अलग रख दिया गया है।</translation>
    </message>
    <message>
        <source>%1 may not do this. Ask an officer with more rights (%4).</source>
        <translation>%1 को यह करने का अधिकार नहीं है। अधिक अधिकार वाले अधिकारी (%4) से कहें।</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 खाली है</translation>
    </message>
    <message>
        <source>%1 is not an image this program can read</source>
        <translation>%1 ऐसी तस्वीर नहीं है जिसे यह प्रोग्राम पढ़ सके</translation>
    </message>
    <message>
        <source>%1 is damaged or incomplete (%2)</source>
        <translation>%1 खराब या अधूरी है (%2)</translation>
    </message>
    <message>
        <source>%1 is a %2 file; use JPEG, PNG, BMP, PGM or WebP</source>
        <translation>%1 एक %2 फ़ाइल है; JPEG, PNG, BMP, PGM या WebP फ़ाइल लगाएँ</translation>
    </message>
    <message>
        <source>%1 is %2 MB; the limit is %3 MB</source>
        <translation>%1 का आकार %2 MB है; सीमा %3 MB है</translation>
    </message>
    <message>
        <source>%1 is %2 x %3 pixels; the limit is %4 megapixels</source>
        <translation>%1 का आकार %2 x %3 पिक्सेल है; सीमा %4 मेगापिक्सेल है</translation>
    </message>
    <message>
        <source>%1 is too large to open safely (%2)</source>
        <translation>%1 सुरक्षित रूप से खोलने के लिए बहुत बड़ी है (%2)</translation>
    </message>
    <message>
        <source>photo &apos;%1&apos; does not exist</source>
        <translation>फ़ोटो &apos;%1&apos; मौजूद नहीं है</translation>
    </message>
    <message>
        <source>A station is already set up in %1.</source>
        <translation>%1 में पहले से एक थाना सेट अप है।</translation>
    </message>
    <message>
        <source>The disk is full. Nothing was saved. Free some space (or ask the computer operator to) and try again.</source>
        <translation>डिस्क भर गई है। कुछ भी सहेजा नहीं गया। थोड़ी जगह खाली करें (या कंप्यूटर ऑपरेटर से करवाएँ) और फिर कोशिश करें।</translation>
    </message>
    <message>
        <source>A file could not be written or read (permission denied): %1</source>
        <translation>फ़ाइल लिखी या पढ़ी नहीं जा सकी (अनुमति नहीं है): %1</translation>
    </message>
    <message>
        <source>The database is busy: another program on this computer is using it. Wait a moment and try again; nothing was saved.</source>
        <translation>डेटाबेस अभी व्यस्त है: इस कंप्यूटर पर कोई दूसरा प्रोग्राम इसे इस्तेमाल कर रहा है। थोड़ी देर रुककर फिर कोशिश करें; कुछ भी सहेजा नहीं गया।</translation>
    </message>
    <message>
        <source>The database file is damaged. Close the program and start it again: it will move the damaged file aside and tell you what to do.</source>
        <translation>डेटाबेस फ़ाइल खराब हो गई है। प्रोग्राम बंद करके दोबारा खोलें: वह खराब फ़ाइल को अलग रख देगा और बताएगा कि आगे क्या करना है।</translation>
    </message>
    <message>
        <source>Nothing was saved. Please correct:</source>
        <translation>कुछ भी सहेजा नहीं गया। कृपया ये सुधारें:</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>दोनों नए पासवर्ड एक जैसे नहीं हैं।</translation>
    </message>
    <message>
        <source>The new password must differ from the current one.</source>
        <translation>नया पासवर्ड मौजूदा पासवर्ड से अलग होना चाहिए।</translation>
    </message>
    <message>
        <source>Saving the password…</source>
        <translation>पासवर्ड सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>मौजूदा पासवर्ड गलत है।</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>मेरा पासवर्ड बदलें</translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation>नया पासवर्ड दें</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>उपयोगकर्ता:</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>मौजूदा पासवर्ड:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>नया पासवर्ड:</translation>
    </message>
    <message>
        <source>New password &amp;again:</source>
        <translation>नया पासवर्ड दोबारा:</translation>
    </message>
    <message>
        <source>At least %1 characters. Do not write it down where others can see it.</source>
        <translation>कम से कम %1 अक्षर। इसे ऐसी जगह न लिखें जहाँ दूसरे देख सकें।</translation>
    </message>
</context>
<context>
    <name>PhotoGallery</name>
    <message>
        <source>★ Main photo</source>
        <translation>★ मुख्य फ़ोटो</translation>
    </message>
</context>
<context>
    <name>PhotoPicker</name>
    <message>
        <source>Choose photos of the child</source>
        <translation>बच्चे की फ़ोटो चुनें</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>फ़ोटो (%1)</translation>
    </message>
    <message>
        <source>Add &amp;photos…</source>
        <translation>फ़ोटो जोड़ें…</translation>
    </message>
    <message>
        <source>Leave out the selected photo</source>
        <translation>चुनी हुई फ़ोटो हटाएँ</translation>
    </message>
    <message>
        <source>Drop photo files here, or use the button. JPEG, PNG, BMP, PGM or WebP.</source>
        <translation>फ़ोटो फ़ाइलें यहाँ खींचकर छोड़ें, या बटन से चुनें। JPEG, PNG, BMP, PGM या WebP।</translation>
    </message>
</context>
<context>
    <name>PhotoViewer</name>
    <message>
        <source>Photo</source>
        <translation>फ़ोटो</translation>
    </message>
    <message>
        <source>◀ Previous</source>
        <translation>◀ पिछली</translation>
    </message>
    <message>
        <source>Next ▶</source>
        <translation>अगली ▶</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>बड़ा करें</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>छोटा करें</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>पूरी फ़ोटो दिखाएँ</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>असली आकार</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>बाएँ घुमाएँ</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>दाएँ घुमाएँ</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Preparing the pages for the printer…</source>
        <translation>प्रिंटर के लिए पन्ने तैयार हो रहे हैं…</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>प्रिंटर को भेज दिया गया।</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>PDF के रूप में सहेजें</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF फ़ाइलें (*.pdf)</translation>
    </message>
    <message>
        <source>Saved as %1.</source>
        <translation>%1 के रूप में सहेजा गया।</translation>
    </message>
    <message>
        <source>Print: %1</source>
        <translation>प्रिंट: %1</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>प्रिंट करें…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>PDF के रूप में सहेजें…</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Import stopped: problems in the file</source>
        <translation>आयात रुका: फ़ाइल में गलतियाँ हैं</translation>
    </message>
    <message>
        <source>Nothing was imported from %1. Correct these lines in the file and import it again.</source>
        <translation>%1 से कुछ भी आयात नहीं हुआ। फ़ाइल में ये पंक्तियाँ सुधारें और फिर से आयात करें।</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>पंक्ति</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>खाना</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>गलती</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Cancel</source>
        <translation>रद्द करें</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>कृपया प्रतीक्षा करें</translation>
    </message>
    <message>
        <source>Stopping; nothing will be changed…</source>
        <translation>रोका जा रहा है; कुछ भी नहीं बदलेगा…</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>Wait: the photos are still being checked.</source>
        <translation>रुकिए: फ़ोटो की जाँच अभी चल रही है।</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Close without saving?</source>
        <translation>बिना सहेजे बंद करें?</translation>
    </message>
    <message>
        <source>What you typed in this form has not been saved. Close it anyway?</source>
        <translation>इस फ़ॉर्म में आपने जो भरा है, वह सहेजा नहीं गया है। फिर भी बंद करें?</translation>
    </message>
    <message>
        <source>Register a missing child</source>
        <translation>गुमशुदा बच्चे की रिपोर्ट दर्ज करें</translation>
    </message>
    <message>
        <source>Register a found child</source>
        <translation>मिले हुए बच्चे को दर्ज करें</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 में बदलाव करें</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>फ़ोटो</translation>
    </message>
    <message>
        <source>Add photos</source>
        <translation>फ़ोटो जोड़ें</translation>
    </message>
    <message>
        <source>Separate several with commas</source>
        <translation>एक से ज़्यादा हों तो कॉमा (,) से अलग करें</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <source>Opening the record…</source>
        <translation>रिकॉर्ड खुल रहा है…</translation>
    </message>
    <message>
        <source>Choose photos of the child</source>
        <translation>बच्चे की फ़ोटो चुनें</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>फ़ोटो (%1)</translation>
    </message>
    <message>
        <source>Adding photos…</source>
        <translation>फ़ोटो जोड़ी जा रही हैं…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Turning the photo…</source>
        <translation>फ़ोटो घुमाई जा रही है…</translation>
    </message>
    <message>
        <source>Removing the photo…</source>
        <translation>फ़ोटो हटाई जा रही है…</translation>
    </message>
    <message>
        <source>Record %1</source>
        <translation>रिकॉर्ड %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>विवरण</translation>
    </message>
    <message>
        <source>History</source>
        <translation>इतिहास</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>बदलाव करें…</translation>
    </message>
    <message>
        <source>Find &amp;matching complaints…</source>
        <translation>मिलती-जुलती &amp;शिकायतें खोजें…</translation>
    </message>
    <message>
        <source>Print found-child &amp;notice…</source>
        <translation>मिले हुए बच्चे की &amp;सूचना छापें…</translation>
    </message>
    <message>
        <source>Print &amp;poster…</source>
        <translation>&amp;पोस्टर छापें…</translation>
    </message>
    <message>
        <source>Print a &amp;copy of the certificate…</source>
        <translation>प्रमाण-पत्र की &amp;प्रतिलिपि छापें…</translation>
    </message>
    <message>
        <source>&amp;Hand over to the family…</source>
        <translation>परिवार को &amp;सुपुर्द करें…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>View full size</source>
        <translation>पूरे आकार में देखें</translation>
    </message>
    <message>
        <source>Add photos…</source>
        <translation>फ़ोटो जोड़ें…</translation>
    </message>
    <message>
        <source>Make main photo</source>
        <translation>मुख्य फ़ोटो बनाएँ</translation>
    </message>
    <message>
        <source>Turn left</source>
        <translation>बाएँ घुमाएँ</translation>
    </message>
    <message>
        <source>Turn right</source>
        <translation>दाएँ घुमाएँ</translation>
    </message>
    <message>
        <source>Remove photo</source>
        <translation>फ़ोटो हटाएँ</translation>
    </message>
    <message>
        <source>Double-click a photo to see it full size. Drop files here to add them.</source>
        <translation>फ़ोटो को पूरे आकार में देखने के लिए उस पर दो बार क्लिक करें। नई फ़ोटो जोड़ने के लिए फ़ाइलें यहाँ छोड़ें।</translation>
    </message>
    <message>
        <source>Also show who only looked at the record</source>
        <translation>जिन्होंने केवल रिकॉर्ड देखा, उन्हें भी दिखाएँ</translation>
    </message>
    <message>
        <source>When</source>
        <translation>कब</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>किसने</translation>
    </message>
    <message>
        <source>What</source>
        <translation>क्या किया</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>रिकॉर्ड</translation>
    </message>
</context>
<context>
    <name>RegisterView</name>
    <message>
        <source>Loading…</source>
        <translation>लोड हो रहा है…</translation>
    </message>
    <message>
        <source>No child matches this search.</source>
        <translation>इस खोज से कोई बच्चा नहीं मिला।</translation>
    </message>
    <message>
        <source>Counting the records…</source>
        <translation>रिकॉर्ड गिने जा रहे हैं…</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n रिकॉर्ड</numerusform>
            <numerusform>%n रिकॉर्ड</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from</source>
        <translation>यहाँ से वापस लाएँ</translation>
    </message>
    <message>
        <source>Muskaan Station backups (%1)</source>
        <translation>मुस्कान स्टेशन बैकअप (%1)</translation>
    </message>
    <message>
        <source>Choose the backup file.</source>
        <translation>बैकअप फ़ाइल चुनें।</translation>
    </message>
    <message>
        <source>Checking and restoring the backup…</source>
        <translation>बैकअप की जाँच कर वापस लाया जा रहा है…</translation>
    </message>
    <message>
        <source>Restore a station from its backup</source>
        <translation>बैकअप से थाना वापस लाएँ</translation>
    </message>
    <message>
        <source>For a new or repaired computer: the station comes back as it was when the backup was made, with its records, photos, users and keys. The whole backup is checked before anything is put in place.</source>
        <translation>नए या ठीक किए गए कंप्यूटर के लिए: थाना वैसा ही लौट आता है जैसा बैकअप बनाते समय था, अपने रिकॉर्ड, फ़ोटो, उपयोगकर्ताओं और कुंजियों सहित। कुछ भी रखने से पहले पूरे बैकअप की जाँच होती है।</translation>
    </message>
    <message>
        <source>Backup file</source>
        <translation>बैकअप फ़ाइल</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>बैकअप पासफ़्रेज़</translation>
    </message>
    <message>
        <source>Station passphrase (encrypted stations only)</source>
        <translation>थाने का पासफ़्रेज़ (केवल एन्क्रिप्टेड थानों के लिए)</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>वापस लाएँ</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <source>Viewer (may only look)</source>
        <translation>दर्शक (केवल देख सकते हैं)</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>अधिकारी</translation>
    </message>
    <message>
        <source>Station in-charge</source>
        <translation>थाना प्रभारी</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>प्रशासक</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Setting up the station…</source>
        <translation>थाना सेट अप हो रहा है…</translation>
    </message>
    <message>
        <source>Set up this police station</source>
        <translation>इस थाने को सेट अप करें</translation>
    </message>
    <message>
        <source>Enter the station&apos;s code as used in case numbers (for example RTM01), its name, district and state, and an administrator account. The administrator can add the other officers later.</source>
        <translation>थाने का वह कोड लिखें जो प्रकरण क्रमांकों में आता है (जैसे RTM01), थाने का नाम, ज़िला और राज्य, और एक एडमिनिस्ट्रेटर खाता बनाएँ। एडमिनिस्ट्रेटर बाद में बाकी अधिकारियों को जोड़ सकता है।</translation>
    </message>
    <message>
        <source>Station code</source>
        <translation>थाना कोड</translation>
    </message>
    <message>
        <source>Administrator&apos;s full name</source>
        <translation>एडमिनिस्ट्रेटर का पूरा नाम</translation>
    </message>
    <message>
        <source>Administrator&apos;s user name</source>
        <translation>एडमिनिस्ट्रेटर का उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>Station passphrase</source>
        <translation>थाने का पासफ़्रेज़</translation>
    </message>
    <message>
        <source>Station passphrase again</source>
        <translation>थाने का पासफ़्रेज़ दोबारा</translation>
    </message>
    <message>
        <source>Encrypt the register and photos on this computer</source>
        <translation>इस कंप्यूटर पर रजिस्टर और फ़ोटो एन्क्रिप्ट करें</translation>
    </message>
    <message>
        <source>Recommended. Without the station passphrase nobody can read the register, even with the computer or its disk in hand. Every start asks for it, and it cannot be recovered if forgotten: keep it with the in-charge.</source>
        <translation>अनुशंसित। थाने के पासफ़्रेज़ के बिना कोई भी रजिस्टर नहीं पढ़ सकता, चाहे कंप्यूटर या उसकी डिस्क उसके हाथ में हो। हर बार शुरू करने पर यह पूछा जाता है, और भूल जाने पर वापस नहीं मिल सकता: इसे प्रभारी के पास रखें।</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the register…</source>
        <translation>रजिस्टर खुल रहा है…</translation>
    </message>
    <message>
        <source>The register database is damaged</source>
        <translation>रजिस्टर का डेटाबेस खराब है</translation>
    </message>
    <message>
        <source>You can start with a new, empty register now (the damaged file is kept for the district IT cell to recover), or quit.</source>
        <translation>आप अभी नए, खाली रजिस्टर से शुरू कर सकते हैं (खराब फ़ाइल रखी रहेगी, ताकि ज़िला आईटी सेल उसे ठीक कर सके), या प्रोग्राम बंद कर सकते हैं।</translation>
    </message>
    <message>
        <source>Start with an empty register</source>
        <translation>खाली रजिस्टर से शुरू करें</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>बंद करें</translation>
    </message>
    <message>
        <source>Encrypted station</source>
        <translation>एन्क्रिप्ट किया हुआ थाना</translation>
    </message>
    <message>
        <source>That passphrase is not right. Station passphrase:</source>
        <translation>यह पासफ़्रेज़ सही नहीं है। थाने का पासफ़्रेज़:</translation>
    </message>
    <message>
        <source>This station&apos;s register is encrypted. Station passphrase:</source>
        <translation>इस थाने का रजिस्टर एन्क्रिप्ट किया हुआ है। थाने का पासफ़्रेज़:</translation>
    </message>
    <message>
        <source>Preparing the demo station…</source>
        <translation>डेमो थाना तैयार हो रहा है…</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>लॉग इन हो रहा है…</translation>
    </message>
</context>
<context>
    <name>StationPassphraseDialog</name>
    <message>
        <source>The two new passphrases are not the same.</source>
        <translation>दोनों नए पासफ़्रेज़ एक जैसे नहीं हैं।</translation>
    </message>
    <message>
        <source>The new passphrase must differ from the current one.</source>
        <translation>नया पासफ़्रेज़ मौजूदा पासफ़्रेज़ से अलग होना चाहिए।</translation>
    </message>
    <message>
        <source>Sealing the station key…</source>
        <translation>थाने की कुंजी सुरक्षित की जा रही है…</translation>
    </message>
    <message>
        <source>The current station passphrase is wrong.</source>
        <translation>थाने का मौजूदा पासफ़्रेज़ गलत है।</translation>
    </message>
    <message>
        <source>Change the station passphrase</source>
        <translation>थाने का पासफ़्रेज़ बदलें</translation>
    </message>
    <message>
        <source>The register on this computer opens only with this passphrase. Backups made before keep the old one. It cannot be recovered if forgotten.</source>
        <translation>इस कंप्यूटर पर रजिस्टर केवल इसी पासफ़्रेज़ से खुलेगा। पहले बने बैकअप पुराने पासफ़्रेज़ से ही खुलेंगे। भूल जाने पर यह वापस नहीं मिल सकता।</translation>
    </message>
    <message>
        <source>Current station passphrase</source>
        <translation>थाने का मौजूदा पासफ़्रेज़</translation>
    </message>
    <message>
        <source>New station passphrase</source>
        <translation>थाने का नया पासफ़्रेज़</translation>
    </message>
    <message>
        <source>New station passphrase again</source>
        <translation>थाने का नया पासफ़्रेज़ दोबारा</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>बदलें</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Officer:</source>
        <translation>अधिकारी:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>पासवर्ड:</translation>
    </message>
    <message>
        <source>End the gallery</source>
        <translation>दीर्घा समाप्त करें</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>Rank</source>
        <translation>पद</translation>
    </message>
    <message>
        <source>Badge no.</source>
        <translation>बैज क्रमांक</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the last active administrator and cannot lose that role; make another user administrator first.</source>
        <translation>&apos;%1&apos; अंतिम सक्रिय प्रशासक हैं, इसलिए यह भूमिका नहीं हटाई जा सकती; पहले किसी दूसरे उपयोगकर्ता को प्रशासक बनाएँ।</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is the last active administrator and cannot be disabled; make another user administrator first.</source>
        <translation>&apos;%1&apos; अंतिम सक्रिय प्रशासक हैं, इसलिए उन्हें निष्क्रिय नहीं किया जा सकता; पहले किसी दूसरे उपयोगकर्ता को प्रशासक बनाएँ।</translation>
    </message>
    <message>
        <source>You cannot raise your own role; ask another administrator.</source>
        <translation>आप अपनी भूमिका स्वयं ऊँची नहीं कर सकते; किसी दूसरे प्रशासक से कहें।</translation>
    </message>
    <message>
        <source>Change your own password with “Change my password…”.</source>
        <translation>अपना पासवर्ड “मेरा पासवर्ड बदलें…” से बदलें।</translation>
    </message>
    <message>
        <source>The account &apos;%1&apos; is no longer active.</source>
        <translation>खाता &apos;%1&apos; अब सक्रिय नहीं है।</translation>
    </message>
    <message>
        <source>There is no user &apos;%1&apos;.</source>
        <translation>&apos;%1&apos; नाम का कोई उपयोगकर्ता नहीं है।</translation>
    </message>
    <message>
        <source>must not contain spaces</source>
        <translation>में खाली जगह नहीं होनी चाहिए</translation>
    </message>
    <message>
        <source>contains characters that cannot be typed</source>
        <translation>में ऐसे अक्षर हैं जो टाइप नहीं किए जा सकते</translation>
    </message>
    <message>
        <source>is too like the existing user &apos;%1&apos;</source>
        <translation>मौजूदा उपयोगकर्ता &apos;%1&apos; से बहुत मिलता-जुलता है</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is already so</source>
        <translation>&apos;%1&apos; पहले से ही ऐसा है</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Disabled</source>
        <translation>निष्क्रिय</translation>
    </message>
    <message>
        <source>Locked (wrong passwords) until %1</source>
        <translation>%1 तक रोका गया (गलत पासवर्ड)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>सक्रिय</translation>
    </message>
    <message>
        <source>Change your own password with “Change my password…”.</source>
        <translation>अपना पासवर्ड “मेरा पासवर्ड बदलें…” से बदलें।</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>सक्रिय करें</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>निष्क्रिय करें</translation>
    </message>
    <message>
        <source>Added %1. They can log in now.</source>
        <translation>%1 को जोड़ दिया गया। वे अब लॉग इन कर सकते हैं।</translation>
    </message>
    <message>
        <source>%1 is now: %2.</source>
        <translation>%1 अब: %2।</translation>
    </message>
    <message>
        <source>%1 is disabled and can no longer log in.</source>
        <translation>%1 को निष्क्रिय कर दिया गया; वे अब लॉग इन नहीं कर सकते।</translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation>%1 को फिर से सक्रिय कर दिया गया।</translation>
    </message>
    <message>
        <source>%1 has a new password; tell it to them in person.</source>
        <translation>%1 का नया पासवर्ड बन गया; उन्हें यह स्वयं मिलकर बताएँ।</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>सहेजा जा रहा है…</translation>
    </message>
    <message>
        <source>Users of this station</source>
        <translation>इस थाने के उपयोगकर्ता</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>उपयोगकर्ता नाम</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>पूरा नाम</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>भूमिका</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>स्थिति</translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation>उपयोगकर्ता जोड़ें…</translation>
    </message>
    <message>
        <source>Change &amp;role</source>
        <translation>भूमिका बदलें</translation>
    </message>
    <message>
        <source>Set a new &amp;password…</source>
        <translation>नया पासवर्ड दें…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>बंद करें</translation>
    </message>
</context>
<context>
    <name>Verify</name>
    <message>
        <source>Issued by %1 (%2); nothing was changed since.</source>
        <translation>%1 (%2) द्वारा जारी; तब से इसमें कोई बदलाव नहीं हुआ।</translation>
    </message>
    <message>
        <source>This is not the code of a handover certificate, or it was not read whole.</source>
        <translation>यह सुपुर्दगी प्रमाण-पत्र का कोड नहीं है, या पूरा पढ़ा नहीं गया।</translation>
    </message>
    <message>
        <source>Station %2 is not known to this database, so its signature cannot be checked.</source>
        <translation>थाना %2 इस डेटाबेस में दर्ज नहीं है, इसलिए उसके हस्ताक्षर की जाँच नहीं हो सकती।</translation>
    </message>
    <message>
        <source>No signing key of station %2 is on record here.</source>
        <translation>थाना %2 की हस्ताक्षर कुंजी यहाँ दर्ज नहीं है।</translation>
    </message>
    <message>
        <source>It is signed with key %3, which is not the key of station %2.</source>
        <translation>इस पर कुंजी %3 से हस्ताक्षर हैं, जो थाना %2 की कुंजी नहीं है।</translation>
    </message>
    <message>
        <source>The signature does not match the text: a detail was changed after the station signed it, or the certificate was made by someone else.</source>
        <translation>हस्ताक्षर लिखे हुए विवरण से मेल नहीं खाते: थाने के हस्ताक्षर के बाद कोई विवरण बदला गया है, या प्रमाण-पत्र किसी और ने बनाया है।</translation>
    </message>
    <message>
        <source>This station&apos;s register holds certificate %4 with other details.</source>
        <translation>इस थाने के रजिस्टर में प्रमाण-पत्र %4 दूसरे विवरण के साथ दर्ज है।</translation>
    </message>
    <message>
        <source>It matches this station&apos;s register.</source>
        <translation>यह इस थाने के रजिस्टर से मेल खाता है।</translation>
    </message>
    <message>
        <source>It is not in this station&apos;s register: the database may be older than the certificate (restored from a backup?).</source>
        <translation>यह इस थाने के रजिस्टर में नहीं है: हो सकता है डेटाबेस इस प्रमाण-पत्र से पुराना हो (बैकअप से वापस लाया गया?)।</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Checking the certificate…</source>
        <translation>प्रमाण-पत्र की जाँच हो रही है…</translation>
    </message>
    <message>
        <source>Open a certificate or a scan of one</source>
        <translation>प्रमाण-पत्र या उसका स्कैन खोलें</translation>
    </message>
    <message>
        <source>Certificates and scans (*.pdf *.png *.jpg *.jpeg *.bmp *.webp)</source>
        <translation>प्रमाण-पत्र और स्कैन (*.pdf *.png *.jpg *.jpeg *.bmp *.webp)</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 पढ़ा जा रहा है…</translation>
    </message>
    <message>
        <source>GENUINE</source>
        <translation>असली</translation>
    </message>
    <message>
        <source>NOT GENUINE</source>
        <translation>असली नहीं</translation>
    </message>
    <message>
        <source>Check a handover certificate</source>
        <translation>सुपुर्दगी प्रमाण-पत्र की जाँच करें</translation>
    </message>
    <message>
        <source>Scan the QR code at the top left of the certificate with the scanner, or paste its text here and press Enter. You can also open the certificate&apos;s PDF or a photo or scan of the paper.</source>
        <translation>प्रमाण-पत्र के ऊपर बाईं ओर बने QR कोड को स्कैनर से स्कैन करें, या उसका टेक्स्ट यहाँ चिपकाकर Enter दबाएँ। आप प्रमाण-पत्र की PDF, या कागज़ की फ़ोटो या स्कैन भी खोल सकते हैं।</translation>
    </message>
    <message>
        <source>QR code text</source>
        <translation>QR कोड का टेक्स्ट</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>जाँचें</translation>
    </message>
    <message>
        <source>&amp;Open a file…</source>
        <translation>फ़ाइल खोलें…</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>प्रमाण-पत्र क्रमांक</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>जारी करने वाला</translation>
    </message>
    <message>
        <source>Child</source>
        <translation>बच्चा</translation>
    </message>
    <message>
        <source>Handed over to</source>
        <translation>किसे सुपुर्द किया</translation>
    </message>
    <message>
        <source>On</source>
        <translation>दिनांक</translation>
    </message>
    <message>
        <source>Station key</source>
        <translation>थाने की कुंजी</translation>
    </message>
</context>
</TS>
