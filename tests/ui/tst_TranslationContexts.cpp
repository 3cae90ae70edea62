// Every tr() call must be one lupdate can file under the context used at run time. A file-local helper
// `QString tr(const char*)` calling QCoreApplication::translate("SomeContext", ...) is filed by lupdate under the
// enclosing namespace instead ("Class 'delineate::ml' lacks Q_OBJECT macro"), so its Chinese text is never found.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestTranslationContexts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void lupdateFindsEveryRuntimeContext();
};

void TestTranslationContexts::lupdateFindsEveryRuntimeContext()
{
    QTemporaryDir temporary;
    QVERIFY(temporary.isValid());
    QProcess process;
    process.setWorkingDirectory(QStringLiteral(DELINEATE_SOURCE_DIR));
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral(DELINEATE_LUPDATE),
                  {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                   QStringLiteral("app"), QStringLiteral("core"), QStringLiteral("ui"), QStringLiteral("-ts"),
                   temporary.filePath(QStringLiteral("probe_zh_CN.ts"))});
    QVERIFY(process.waitForFinished(240000));
    QCOMPARE(process.exitCode(), 0);
    const QString output = QString::fromUtf8(process.readAll());
    QStringList offenders;
    const QRegularExpression lacks(QStringLiteral("^(\\S+): Class '([^']+)' lacks Q_OBJECT macro"),
                                   QRegularExpression::MultilineOption);
    for (auto it = lacks.globalMatch(output); it.hasNext();) {
        const auto match = it.next();
        offenders << QStringLiteral("%1 (filed under %2)").arg(match.captured(1), match.captured(2));
    }
    QVERIFY2(offenders.isEmpty(),
             qPrintable(QStringLiteral("tr() calls whose run-time context lupdate cannot see (use "
                                       "Q_DECLARE_TR_FUNCTIONS or QCoreApplication::translate(\"Context\", \"text\") "
                                       "at the call): %1")
                            .arg(offenders.join(QStringLiteral("; ")))));
}

QTEST_GUILESS_MAIN(TestTranslationContexts)
#include "tst_TranslationContexts.moc"
