// The translations are complete: lupdate -no-obsolete over app/ core/ ui/ (on a copy) leaves nothing unfinished in
// delineate_zh_CN.ts, nor in delineate_en.ts (English plural forms only, lupdate -pluralonly).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestTranslationsComplete : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void translationIsComplete_data();
    void translationIsComplete();
};

void TestTranslationsComplete::translationIsComplete_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("minimumMessages");
    QTest::newRow("Chinese") << QStringLiteral("delineate_zh_CN.ts") << QStringList() << 50;
    QTest::newRow("English plurals") << QStringLiteral("delineate_en.ts") << QStringList{QStringLiteral("-pluralonly")} << 5;
}

void TestTranslationsComplete::translationIsComplete()
{
    QFETCH(QString, file);
    QFETCH(QStringList, options);
    QFETCH(int, minimumMessages);
    const QString source = QStringLiteral(DELINEATE_SOURCE_DIR);
    const QString lupdate = QStringLiteral(DELINEATE_LUPDATE);
    QVERIFY2(QFile::exists(lupdate), qPrintable(lupdate + QStringLiteral(" not found (qt6-l10n-tools)")));
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    const QString copy = temporary.filePath(file);
    QVERIFY(QFile::copy(source + QStringLiteral("/translations/") + file, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);

    QProcess process;
    process.setWorkingDirectory(source);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdate, options + QStringList{QStringLiteral("-no-obsolete"), QStringLiteral("-locations"),
                                                 QStringLiteral("none"), QStringLiteral("app"), QStringLiteral("core"),
                                                 QStringLiteral("ui"), QStringLiteral("-ts"), copy});
    QVERIFY(process.waitForFinished(240000));
    QCOMPARE(process.exitCode(), 0);

    QFile updated(copy);
    QVERIFY(updated.open(QIODevice::ReadOnly));
    const QString ts = QString::fromUtf8(updated.readAll());
    const int messages = int(ts.count(QStringLiteral("<message")));
    QVERIFY2(messages > minimumMessages, qPrintable(QStringLiteral("only %1 messages found").arg(messages)));

    QStringList problems;
    // Unfinished entries name their source text so that a failure says what to translate.
    const QRegularExpression message(QStringLiteral("<message[^>]*>(.*?)</message>"),
                                     QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression sourceText(QStringLiteral("<source>(.*?)</source>"),
                                        QRegularExpression::DotMatchesEverythingOption);
    for (auto it = message.globalMatch(ts); it.hasNext();) {
        const QString body = it.next().captured(1);
        const bool unfinished = body.contains(QStringLiteral("type=\"unfinished\""));
        const bool empty = body.contains(QStringLiteral("<translation></translation>"))
                           || body.contains(QStringLiteral("<numerusform></numerusform>"))
                           || body.contains(QStringLiteral("<translation/>"));
        if (unfinished || empty)
            problems << sourceText.match(body).captured(1);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 of %2 messages untranslated, e.g.: %3")
                                                .arg(problems.size())
                                                .arg(messages)
                                                .arg(problems.mid(0, 10).join(QStringLiteral(" | ")))));
}

QTEST_GUILESS_MAIN(TestTranslationsComplete)
#include "tst_TranslationsComplete.moc"
