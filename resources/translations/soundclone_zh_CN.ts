<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AboutDialog</name>
        <message>
            <location filename="../../soundclone_desktop/ui/help/about.py" line="29" />
            <source>About SoundClone Desktop</source>
            <translation>关于 SoundClone Desktop</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/about.py" line="41" />
            <source>Cloned-voice text-to-speech over the SoundClone API. This app bundles the libraries below, under their own licences.</source>
            <translation>基于 SoundClone API 的克隆音色语音合成。本应用捆绑了以下程序库，各自遵循其许可证。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/about.py" line="53" />
            <source>Bundled libraries and their licences</source>
            <translation>捆绑的程序库及其许可证</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/about.py" line="55" />
            <source>Library</source>
            <translation>程序库</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/about.py" line="55" />
            <source>Version</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/about.py" line="55" />
            <source>Licence</source>
            <translation>许可证</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/about.py" line="33" />
            <source>Version {0}, on Qt {1} (PySide6 {2})</source>
            <translation>版本 {0}，运行于 Qt {1}（PySide6 {2}）</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/app.py" line="412" />
            <source>Unfinished tasks recovered from the last session: %n.</source>
            <translation>
                <numerusform>已恢复上次会话未完成的任务：%n 个。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/app.py" line="435" />
            <source>Tasks that were being sent when the app stopped: %n. They may or may not have been created (and charged), so they were not sent again; they are marked in the task list. Check the website before submitting them again.</source>
            <translation>
                <numerusform>应用停止时正在发送的任务：%n 个。这些任务可能已创建（并已扣费），也可能没有，因此没有重新发送；它们已在任务列表中标出。再次提交前，请先在网站上核实。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/app.py" line="415" />
            <source>Saved: %n.</source>
            <translation>
                <numerusform>已保存：%n 个。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/app.py" line="393" />
            <source>Resuming unfinished tasks from the last session: %n…</source>
            <translation>
                <numerusform>正在继续上次会话未完成的任务：%n 个…</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/app.py" line="418" />
            <source>The others failed; see the task list.</source>
            <translation>其余任务失败，请查看任务列表。</translation>
        </message>
    </context>
    <context>
        <name>BookFindings</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_layer.py" line="127" />
            <source>Findings…</source>
            <translation>检查发现…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_layer.py" line="130" />
            <source>What the automatic checks found in this chapter, to listen to and redo</source>
            <translation>自动检查在本章发现的问题，可试听和重做</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_layer.py" line="331" />
            <source>Render the whole chapter to listen to its sentences.</source>
            <translation>生成整章后才能逐句试听。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="58" />
            <source>Findings</source>
            <translation>检查发现</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="64" />
            <source>Findings of the automatic checks</source>
            <translation>自动检查发现的问题</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="67" />
            <source>Sentence</source>
            <translation>句子</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="68" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="69" />
            <source>At</source>
            <translation>位置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="70" />
            <source>What was found</source>
            <translation>发现的问题</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="71" />
            <source>Listen</source>
            <translation>试听</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="72" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="103" />
            <source>Checking the chapter's takes…</source>
            <translation>正在检查本章的音频…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="106" />
            <source>Nothing found in the rendered parts of this chapter.</source>
            <translation>本章已生成的部分没有发现问题。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="126" />
            <source>▶ Listen</source>
            <translation>▶ 试听</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="131" />
            <source>Redo…</source>
            <translation>重做…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="110" />
            <source>Findings: %1. Double-click a row (or press Enter) to go to its sentence.</source>
            <translation>发现的问题：%1 处。双击某行（或按 Enter）可跳到对应句子。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="127" />
            <source>Listen to sentence %1</source>
            <translation>试听第 %1 句</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_panel.py" line="132" />
            <source>Redo sentence %1</source>
            <translation>重做第 %1 句</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="26" />
            <source>Words missing</source>
            <translation>缺少字词</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="27" />
            <source>Words added</source>
            <translation>多出字词</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="28" />
            <source>Long silence</source>
            <translation>过长静音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="29" />
            <source>Speaking rate</source>
            <translation>语速</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="30" />
            <source>Clipping</source>
            <translation>削波</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="31" />
            <source>Length</source>
            <translation>时长</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="60" />
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="41" />
            <source>Words missing: “%1”</source>
            <translation>缺少字词：“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="43" />
            <source>Words added: “%1”</source>
            <translation>多出字词：“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="47" />
            <source>Long silence: %1 s that no pause marker asks for</source>
            <translation>过长静音：%1 秒，没有停顿标记要求这段静音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="51" />
            <source>Speaking rate: %1× the book's usual rate</source>
            <translation>语速：本书常规语速的 %1 倍</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="53" />
            <source>Clipping: %1 ms at full scale</source>
            <translation>削波：%1 毫秒达到满幅</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="55" />
            <source>Length: %1× what the text predicts</source>
            <translation>时长：文本预计时长的 %1 倍</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/findings_text.py" line="66" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
    </context>
    <context>
        <name>BookImport</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/attach.py" line="47" />
            <source>Import manuscript…</source>
            <translation>导入书稿…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/attach.py" line="50" />
            <source>Make a book from a .txt, .md, .docx or .epub manuscript</source>
            <translation>用 .txt、.md、.docx 或 .epub 书稿制作一本书</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/attach.py" line="61" />
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="77" />
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="166" />
            <source>Import manuscript</source>
            <translation>导入书稿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/chapter_model.py" line="45" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/chapter_model.py" line="46" />
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/chapter_model.py" line="47" />
            <source>Characters</source>
            <translation>字数</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/chapter_model.py" line="48" />
            <source>In the book</source>
            <translation>收入书中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/chapter_model.py" line="146" />
            <source>(untitled)</source>
            <translation>（无标题）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/chapter_model.py" line="154" />
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="172" />
            <source>Excluded</source>
            <translation>已排除</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/chapter_model.py" line="154" />
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="172" />
            <source>Included</source>
            <translation>已收入</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/chapter_model.py" line="161" />
            <source>From %1</source>
            <translation>来自 %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/cleanup_model.py" line="141" />
            <source>This change now crosses two chapters and cannot be applied.</source>
            <translation>此项修改现在跨越两个章节，无法应用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/cleanup_model.py" line="161" />
            <source>Tick to accept every change of this kind, untick to keep the text as it was.</source>
            <translation>勾选以接受此类全部修改，取消勾选则保留原文。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/cleanup_model.py" line="108" />
            <source>Change</source>
            <translation>修改</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/cleanup_model.py" line="109" />
            <source>In the original</source>
            <translation>原文</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/cleanup_model.py" line="110" />
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="30" />
            <source>Chapter</source>
            <translation>章节</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/cleanup_model.py" line="150" />
            <source>%1 (%2)</source>
            <translation>%1（%2）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="110" />
            <source>Detecting chapters…</source>
            <translation>正在识别章节…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="491" />
            <source>%1 of %2 chapters in the book</source>
            <translation>收入 %1 / %2 章</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="495" />
            <source>%1 characters</source>
            <translation>%1 字</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="496" />
            <source>%1 segments</source>
            <translation>%1 段</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="499" />
            <source>prices unknown: set them in Settings to see the cost</source>
            <translation>价格未知：请在设置中填写价格以查看费用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="101" />
            <source>Reading “%1”…</source>
            <translation>正在读取“%1”…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="133" />
            <source>The manuscript could not be imported: %1</source>
            <translation>无法导入书稿：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="242" />
            <source>Choose another file…</source>
            <translation>选择其他文件…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="298" />
            <source>“%1”</source>
            <translation>“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="452" />
            <source>Characters the service cannot speak. They are left in the text; click one to see it, and correct it in the book later if it matters.</source>
            <translation>服务无法朗读的字符。它们保留在正文中；点击可查看位置，如有必要，稍后可在书中修改。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="458" />
            <source>No characters the service cannot speak.</source>
            <translation>没有服务无法朗读的字符。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="466" />
            <source>Clean-up (%1)</source>
            <translation>文本清理（%1）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="469" />
            <source>Findings (%1)</source>
            <translation>问题字符（%1）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="502" />
            <source>estimated cost %1</source>
            <translation>预计费用 %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="320" />
            <source>Include</source>
            <translation>收入</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="320" />
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="192" />
            <source>Exclude</source>
            <translation>排除</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/dialog.py" line="507" />
            <source>re-rendering one segment about %1</source>
            <translation>重新生成一段约 %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/error_text.py" line="20" />
            <source>“%1” could not be found. It may have been moved or deleted.</source>
            <translation>找不到“%1”，它可能已被移动或删除。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/error_text.py" line="23" />
            <source>“%1” could not be read. Check that you may open it.</source>
            <translation>无法读取“%1”。请确认您有权限打开它。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/error_text.py" line="26" />
            <source>“%1” is too large to be a book's text (the limit is 50 MB). Remove pictures or split the book, and import it again.</source>
            <translation>“%1”太大，不像是一本书的文本（上限为 50 MB）。请删除图片或拆分书籍后重新导入。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/error_text.py" line="31" />
            <source>“%1” cannot be imported. Books can be imported from .epub, .docx, .md and .txt files.</source>
            <translation>无法导入“%1”。可导入的书籍格式为 .epub、.docx、.md 和 .txt。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/error_text.py" line="35" />
            <source>“%1” is not readable text. Save it as UTF-8 (or GB18030) plain text and import it again.</source>
            <translation>“%1”不是可读的文本。请将其另存为 UTF-8（或 GB18030）纯文本后重新导入。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/error_text.py" line="40" />
            <source>“%1” is damaged. Download or export it again, and import it again.</source>
            <translation>“%1”已损坏。请重新下载或导出后再导入。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/error_text.py" line="43" />
            <source>“%1” is copy-protected (DRM). Only EPUB files without copy protection can be imported.</source>
            <translation>“%1”受版权保护（DRM）。只能导入没有复制保护的 EPUB 文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/error_text.py" line="48" />
            <source>“%1” holds no text. Check that it is the right file.</source>
            <translation>“%1”中没有文本。请确认选择的文件是否正确。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/error_text.py" line="51" />
            <source>“%1” holds only pictures (a scanned book?), no text to read aloud.</source>
            <translation>“%1”中只有图片（扫描版书籍？），没有可朗读的文本。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/findings_model.py" line="42" />
            <source>%1, character %2: %3 %4 (%5)</source>
            <translation>%1，第 %2 个字符：%3 %4（%5）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="51" />
            <source>Choose a manuscript to import.</source>
            <translation>请选择要导入的书稿。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="54" />
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="66" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="96" />
            <source>Every task pays the voice fee once: larger segments cost less in all, smaller ones make re-rendering a corrected passage cheaper.</source>
            <translation>每个任务都要付一次音色费：片段越大，总费用越低；片段越小，修改后重新生成一段的费用越低。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="102" />
            <source>Characters per segment:</source>
            <translation>每段字数：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="111" />
            <source>Create book</source>
            <translation>创建书籍</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="132" />
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="193" />
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="136" />
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="188" />
            <source>Move up</source>
            <translation>上移</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="189" />
            <source>Move down</source>
            <translation>下移</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="190" />
            <source>Rename</source>
            <translation>重命名</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="191" />
            <source>Merge with next</source>
            <translation>与下一章合并</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="210" />
            <source>Chapters (drag to reorder; untick to leave out)</source>
            <translation>章节（拖动可调整顺序；取消勾选即不收入）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="231" />
            <source>Split here</source>
            <translation>在此拆分</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="234" />
            <source>Start a new chapter at the cursor in the text below</source>
            <translation>在下方文本的光标处开始新的一章</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="243" />
            <source>Text</source>
            <translation>正文</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="256" />
            <source>Proposed clean-up, shown in the text as it will be read. Untick a change to keep the original there; the original text is kept with the book.</source>
            <translation>建议的文本清理，正文中显示的是朗读时的样子。取消勾选某项修改即可保留该处原文；原始文本会随书一起保存。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="292" />
            <source>Built-in: Chapter 12, CHAPTER XII, 第十二章, 第12回, 序章, Prologue…</source>
            <translation>内置：第十二章、第12回、序章、Chapter 12、CHAPTER XII、Prologue…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="295" />
            <source>A regular expression that matches the start of every heading line, for example ^Kapitel \d+ . Leave it empty for the built-in patterns. EPUB chapters come from the book's table of contents.</source>
            <translation>匹配每个标题行开头的正则表达式，例如 ^卷\d+ 。留空则使用内置规则。EPUB 的章节取自书中的目录。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="302" />
            <source>Heading pattern:</source>
            <translation>标题规则：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="304" />
            <source>Detect again</source>
            <translation>重新识别</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/review_layout.py" line="195" />
            <source>Undo the last change (%1)</source>
            <translation>撤销上一步修改（%1）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="24" />
            <source>Manuscripts (%1)</source>
            <translation>书稿（%1）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="59" />
            <source>(nothing)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="29" />
            <source>Front matter</source>
            <translation>前置内容</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="31" />
            <source>Back matter</source>
            <translation>后置内容</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="37" />
            <source>Page numbers</source>
            <translation>页码</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="38" />
            <source>Running headers</source>
            <translation>页眉</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="39" />
            <source>Hyphenation at line ends</source>
            <translation>行尾连字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="40" />
            <source>Footnote markers</source>
            <translation>脚注标记</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="41" />
            <source>Hard line wraps</source>
            <translation>段内硬换行</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="47" />
            <source>control character</source>
            <translation>控制字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="48" />
            <source>invisible formatting mark</source>
            <translation>不可见的格式标记</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="49" />
            <source>private-use character</source>
            <translation>私用区字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="50" />
            <source>broken character</source>
            <translation>损坏的字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="51" />
            <source>unassigned character</source>
            <translation>未分配的字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="52" />
            <source>replacement character (undecodable bytes)</source>
            <translation>替换字符（无法解码的字节）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book_import/texts.py" line="79" />
            <source>The heading pattern is not a valid regular expression: %1 at position %2.</source>
            <translation>标题规则不是有效的正则表达式：%1（位置 %2）。</translation>
        </message>
    </context>
    <context>
        <name>BookRedo</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="95" />
            <source>Redo Marked Sentences…</source>
            <translation>重做标记的句子…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="96" />
            <source>Send the chapter's marked sentences again as one task, as new takes</source>
            <translation>把本章标记的句子合成一个任务重新发送，作为新的版本</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="100" />
            <source>Redo This Sentence…</source>
            <translation>重做这一句…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="101" />
            <source>Send the sentence at the cursor again, as a new take</source>
            <translation>重新发送光标所在的句子，作为新的版本</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="105" />
            <source>Redo Flagged Sentences…</source>
            <translation>重做被标记问题的句子…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="106" />
            <source>Check the chapter's takes and send every sentence with a finding again as one task</source>
            <translation>检查本章的版本，把每个有问题的句子作为一个任务重新发送</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="111" />
            <source>Takes of This Sentence…</source>
            <translation>这一句的各个版本…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="112" />
            <source>Compare the takes of the sentence at the cursor and choose one</source>
            <translation>比较光标所在句子的各个版本并选择一个</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="191" />
            <source>Checking the chapter's takes…</source>
            <translation>正在检查本章的版本…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="270" />
            <source>Redo Sentences</source>
            <translation>重做句子</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="272" />
            <source>Send these sentences again as one task? Every take is kept.</source>
            <translation>把这些句子合成一个任务重新发送吗？所有版本都会保留。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="49" />
            <source>1 sentence: 1 task, %1</source>
            <translation>1 句：1 个任务，%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="180" />
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="209" />
            <source>A redo is already being sent.</source>
            <translation>已有一次重做正在发送。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="197" />
            <source>Nothing in this chapter is flagged: no sentence to redo.</source>
            <translation>本章没有发现问题：没有需要重做的句子。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="227" />
            <source>Connect to a server to redo sentences.</source>
            <translation>请先连接服务器再重做句子。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="249" />
            <source>The book, its text or the connection changed: nothing was sent.</source>
            <translation>书、文本或连接已改变：未发送任何内容。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="255" />
            <source>Redoing %1 sentence(s) as one task…</source>
            <translation>正在把 %1 句合成一个任务重做…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="276" />
            <source>Redo · %1</source>
            <translation>重做 · %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="67" />
            <source>The chapter could not be stitched again: %1</source>
            <translation>无法重新拼接本章：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="156" />
            <source>New takes kept from a redo left unfinished: %1</source>
            <translation>已保留上次未完成的重做得到的新版本：%1 个</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="296" />
            <source>The redo did not finish (%1): no take was added.</source>
            <translation>重做未完成（%1）：没有添加版本。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="312" />
            <source>%1 sentence(s) redone as one task; the new takes are chosen.</source>
            <translation>已用一个任务重做 %1 句；已选用新版本。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="237" />
            <source>Nothing was sent: %1</source>
            <translation>未发送任何内容：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="305" />
            <source>%1 new take(s) kept; %2 flagged by the checks and not chosen.</source>
            <translation>已保留 %1 个新版本；其中 %2 个被自动检查标记，未选用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/redo_action.py" line="51" />
            <source>%1 sentences: 1 task, %2 – instead of %3 tasks, %4</source>
            <translation>%1 句：1 个任务，%2 – 而不是 %3 个任务，%4</translation>
        </message>
    </context>
    <context>
        <name>BookReview</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book/listen.py" line="88" />
            <source>Previous Sentence</source>
            <translation>上一句</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/listen.py" line="89" />
            <source>Play from the sentence before</source>
            <translation>从上一句开始播放</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/listen.py" line="92" />
            <source>Next Sentence</source>
            <translation>下一句</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/listen.py" line="93" />
            <source>Play from the next sentence</source>
            <translation>从下一句开始播放</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/listen.py" line="96" />
            <source>Replay Sentence</source>
            <translation>重听本句</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/listen.py" line="97" />
            <source>Play the current sentence again</source>
            <translation>再次播放当前句子</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/listen.py" line="100" />
            <source>Mark Sentence</source>
            <translation>标记句子</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/listen.py" line="101" />
            <source>Mark the current sentence, or unmark it</source>
            <translation>标记当前句子，或取消标记</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/listen.py" line="104" />
            <source>Rev&amp;iew</source>
            <translation>审听(&amp;I)</translation>
        </message>
    </context>
    <context>
        <name>BookSettings</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="48" />
            <source>Book settings</source>
            <translation>书籍设置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="75" />
            <source>Segments</source>
            <translation>分段</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="82" />
            <source> characters</source>
            <translation> 个字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="93" />
            <source>Every task pays the voice fee once: larger segments cost less in fees, smaller ones make redoing a fix cheaper.</source>
            <translation>每个任务收取一次音色费：分段越大，音色费越少；分段越小，修改后重做越便宜。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="101" />
            <source>Target segment size:</source>
            <translation>目标分段长度：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="109" />
            <source>Silence added when chapters are stitched</source>
            <translation>拼接章节时加入的静音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="112" />
            <source>Between segments:</source>
            <translation>分段之间：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="113" />
            <source>Between paragraphs:</source>
            <translation>段落之间：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="114" />
            <source>After a chapter title:</source>
            <translation>章节标题之后：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="115" />
            <source>Head of each chapter:</source>
            <translation>每章开头：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="116" />
            <source>Tail of each chapter:</source>
            <translation>每章结尾：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="144" />
            <source>Budget</source>
            <translation>预算</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="145" />
            <source>Never spend more than</source>
            <translation>花费绝不超过</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="120" />
            <source>0 to %1 seconds</source>
            <translation>0 至 %1 秒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="127" />
            <source> s</source>
            <translation> 秒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="133" />
            <source>%1. Silence is added to the audio, never sent as pauses (those are billed).</source>
            <translation>%1。静音直接加入音频，不会作为停顿标记发送（停顿标记会计费）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/settings_dialog.py" line="84" />
            <source>%1 to %2 characters</source>
            <translation>%1 至 %2 个字符</translation>
        </message>
    </context>
    <context>
        <name>BookStale</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book/stale_layer.py" line="107" />
            <source>Changed since it was rendered: render again to hear it (cost %1)</source>
            <translation>生成后已更改：重新生成才能听到（费用 %1）</translation>
        </message>
    </context>
    <context>
        <name>BookTakes</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="110" />
            <source>▶ plays each take loudness-matched (at the loudness of the quietest), so you compare the voice, not the volume.</source>
            <translation>▶ 以响度匹配的方式播放每个版本（都调到最安静那个的响度），让你比较的是声音而不是音量。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="119" />
            <source>Takes</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="122" />
            <source>Take</source>
            <translation>版本</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="123" />
            <source>Made</source>
            <translation>生成时间</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="124" />
            <source>Duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="125" />
            <source>Chosen</source>
            <translation>已选用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="126" />
            <source>Checks</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="127" />
            <source>Listen</source>
            <translation>试听</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="128" />
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="189" />
            <source>Choose</source>
            <translation>选用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="182" />
            <source>▶ Play</source>
            <translation>▶ 播放</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="108" />
            <source>Takes of Sentence %1</source>
            <translation>第 %1 句的各个版本</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="168" />
            <source>%1 s</source>
            <translation>%1 秒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="185" />
            <source>Play take %1, loudness-matched</source>
            <translation>播放版本 %1（响度匹配）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="192" />
            <source>Choose take %1</source>
            <translation>选用版本 %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="170" />
            <source>⚠ %1</source>
            <translation>⚠ %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="238" />
            <source>The chapter could not be stitched again: %1</source>
            <translation>无法重新拼接本章：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="245" />
            <source>Take %1 of sentence %2 chosen</source>
            <translation>已选用第 %2 句的版本 %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="177" />
            <source>The automatic checks flagged this take: %1</source>
            <translation>自动检查标记了这个版本：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/takes_panel.py" line="214" />
            <source>Sentence %1, take %2 (loudness-matched)</source>
            <translation>第 %1 句，版本 %2（响度匹配）</translation>
        </message>
    </context>
    <context>
        <name>BookView</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book/build.py" line="28" />
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="487" />
            <location filename="../../soundclone_desktop/ui/book/lazy.py" line="82" />
            <source>Book</source>
            <translation>书</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="85" />
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="86" />
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="87" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="88" />
            <source>Duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="90" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="267" />
            <source>Included in the book: untick to exclude it</source>
            <translation>已包含在书中：取消勾选即可排除</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="280" />
            <source>Double-click or press F2 to rename</source>
            <translation>双击或按 F2 重命名</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="266" />
            <source>Excluded from the book: tick to include it</source>
            <translation>已从书中排除：勾选即可包含</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="89" />
            <source>Cost (%1)</source>
            <translation>费用（%1）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="256" />
            <source>%1 of %2</source>
            <translation>%1 / %2</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_model.py" line="274" />
            <source>%1 characters in %2 tasks; already paid %3</source>
            <translation>%1 个字符，%2 个任务；已支付 %3</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="138" />
            <location filename="../../soundclone_desktop/ui/book/lazy.py" line="67" />
            <source>New Book…</source>
            <translation>新建书籍…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="140" />
            <location filename="../../soundclone_desktop/ui/book/lazy.py" line="68" />
            <source>Start a book with the script as its first chapter</source>
            <translation>新建一本书，以当前稿件作为第一章</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="143" />
            <location filename="../../soundclone_desktop/ui/book/lazy.py" line="73" />
            <source>Open Book…</source>
            <translation>打开书籍…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="145" />
            <location filename="../../soundclone_desktop/ui/book/lazy.py" line="74" />
            <source>Open a .scbook folder</source>
            <translation>打开 .scbook 文件夹</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="147" />
            <location filename="../../soundclone_desktop/ui/book/lazy.py" line="77" />
            <source>Close Book</source>
            <translation>关闭书籍</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="180" />
            <source>Open book</source>
            <translation>打开书籍</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="246" />
            <source>Opened the book “%1”</source>
            <translation>已打开书籍“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="489" />
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="284" />
            <source>%1 selected chapters</source>
            <translation>选中的 %1 章</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/controller.py" line="204" />
            <source>The book was damaged; what could be read was recovered. The damaged file was kept as “%1”.</source>
            <translation>书籍文件已损坏，可读取的内容已恢复。损坏的文件保留为“%1”。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/creating.py" line="97" />
            <source>Save book as</source>
            <translation>书籍另存为</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/creating.py" line="101" />
            <source>SoundClone books (*.scbook)</source>
            <translation>SoundClone 书籍 (*.scbook)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/creating.py" line="42" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/creating.py" line="50" />
            <source>Chapter 1</source>
            <translation>第一章</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/creating.py" line="87" />
            <source>Could not create the book “%1”: %2</source>
            <translation>无法创建书籍“%1”：%2</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/errors.py" line="14" />
            <source>The book “%1” was not found.</source>
            <translation>找不到书籍“%1”。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/errors.py" line="15" />
            <source>“%1” is not a book: choose a .scbook folder (it holds book.sqlite3).</source>
            <translation>“%1”不是书籍：请选择 .scbook 文件夹（其中包含 book.sqlite3）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/errors.py" line="18" />
            <source>The book “%1” was saved by a newer version of the app: update to open it.</source>
            <translation>书籍“%1”由更新版本的应用保存：请更新后再打开。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/errors.py" line="21" />
            <source>“%1” already exists: choose another name.</source>
            <translation>“%1”已存在：请另选名称。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/errors.py" line="22" />
            <source>The book “%1” cannot be read (locked or no permission).</source>
            <translation>无法读取书籍“%1”（被锁定或没有权限）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/errors.py" line="25" />
            <source>The book “%1” was damaged and the last change was not saved.</source>
            <translation>书籍“%1”已损坏，最后一次更改未能保存。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="70" />
            <source>Chapters</source>
            <translation>章节</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="113" />
            <source>No book is open: the editor holds a single script. Start a book to work chapter by chapter.</source>
            <translation>未打开书籍：编辑器中是单篇稿件。新建一本书即可按章节工作。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="145" />
            <source>Book settings…</source>
            <translation>书籍设置…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="147" />
            <source>Chapter…</source>
            <translation>章节…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="150" />
            <source>The selected chapter's voice and parameters</source>
            <translation>所选章节的音色和参数</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="163" />
            <source>Render book</source>
            <translation>生成全书</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="165" />
            <source>Render selected</source>
            <translation>生成所选</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="167" />
            <source>Render the selected chapters</source>
            <translation>生成所选章节</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="168" />
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="227" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="227" />
            <source>Resume</source>
            <translation>继续</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/navigator.py" line="256" />
            <source>Play “%1”</source>
            <translation>播放“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/playing.py" line="76" />
            <source>Preparing “%1”…</source>
            <translation>正在准备“%1”…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/playing.py" line="83" />
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="461" />
            <source>The chapter “%1” could not be stitched: %2</source>
            <translation>无法拼接章节“%1”：%2</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="142" />
            <source>Not connected: enter your API key in Settings, or try the demo.</source>
            <translation>未连接：请在“设置”中输入 API 密钥，或试用演示。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="144" />
            <source>The task library could not be opened, so no task can be recorded.</source>
            <translation>无法打开任务库，因此无法记录任何任务。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="149" />
            <source>Choose the book's voice in Book settings first.</source>
            <translation>请先在“有声书设置”中选择本书的音色。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="168" />
            <source>A render is already running: wait for it, or pause it.</source>
            <translation>已有渲染正在进行：请等待其完成，或将其暂停。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="247" />
            <source>Nothing to render: every segment asked for has its audio.</source>
            <translation>无需渲染：所选的每个片段都已有音频。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="256" />
            <source>The book or the connection changed: nothing was sent.</source>
            <translation>有声书或连接已变化：未发送任何内容。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="239" />
            <location filename="../../soundclone_desktop/ui/book/render_control.py" line="51" />
            <source>Rendering is not available yet</source>
            <translation>暂时还不能生成</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="279" />
            <source>the book “%1”</source>
            <translation>有声书《%1》</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="326" />
            <source>The prices are not known, so no budget can be kept: set them first.</source>
            <translation>价格未知，无法控制预算：请先设置价格。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="367" />
            <source>Stopped before the task that would cross the budget of %1.</source>
            <translation>已在会超出 %1 预算的任务之前停止。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="371" />
            <source>The render stopped.</source>
            <translation>渲染已停止。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="282" />
            <source>the chapter “%1”</source>
            <translation>章节“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="405" />
            <source>Continuing the render of “%1” where it stopped.</source>
            <translation>正在从中断处继续渲染《%1》。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="316" />
            <source>The render needs %1 but only %2 is available: nothing was sent. Top up, or render fewer chapters or with a budget.</source>
            <translation>本次渲染需要 %1，但可用余额只有 %2：未发送任何内容。请充值，或减少渲染的章节，或设置预算。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_adapter.py" line="377" />
            <source>%1 segments failed (%2). Fix their text and render again.</source>
            <translation>%1 个片段失败（%2）。请修改其文本后重新渲染。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_closing.py" line="19" />
            <source>Book rendering</source>
            <translation>有声书渲染中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_closing.py" line="20" />
            <source>Close while the book is rendering?</source>
            <translation>有声书正在渲染，仍要关闭吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_closing.py" line="32" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_closing.py" line="22" />
            <source>Tasks being generated: %1. They keep running on the server and are charged as usual; the app picks them up next time. Segments still waiting: %2. The render continues when you open the book again.</source>
            <translation>正在生成的任务：%1 个。它们会在服务器上继续运行并照常计费；应用下次启动时会接着跟进。仍在等待的片段：%2 个。再次打开本书时渲染会继续。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="41" />
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="90" />
            <source>Render</source>
            <translation>渲染</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="56" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="57" />
            <source>Billable characters</source>
            <translation>计费字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="58" />
            <source>Voice fees</source>
            <translation>音色费</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="59" />
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="60" />
            <source>Already paid</source>
            <translation>已支付</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="63" />
            <source>Budget</source>
            <translation>预算</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="76" />
            <source>The budget stops the render before the task that would cross it.</source>
            <translation>预算会在超出预算的任务之前停止渲染。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="79" />
            <source>Demo: no real money.</source>
            <translation>演示：不涉及真实货币。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="46" />
            <source>Render %1?</source>
            <translation>渲染%1？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="64" />
            <source>None</source>
            <translation>无</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/render_confirm.py" line="88" />
            <source>Render · %1</source>
            <translation>渲染 · %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="39" />
            <source>Not rendered</source>
            <translation>未生成</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="40" />
            <source>Rendered %1/%2</source>
            <translation>已生成 %1/%2</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="41" />
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="33" />
            <source>Rendering %1/%2</source>
            <translation>生成中 %1/%2</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="42" />
            <source>Rendered</source>
            <translation>已生成</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="43" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="44" />
            <source>Stale</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="45" />
            <source>Excluded</source>
            <translation>已排除</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="46" />
            <source>Empty</source>
            <translation>空</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="57" />
            <source>Some audio was made for other text, voice or parameters: render again.</source>
            <translation>部分音频是按其他文本、音色或参数生成的：请重新生成。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="61" />
            <source>Left out of the book: not rendered, not exported.</source>
            <translation>不在书中：不生成，不导出。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="25" />
            <source>%1 min</source>
            <translation>%1 分钟</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="54" />
            <source>no reason was given</source>
            <translation>未给出原因</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="55" />
            <source>A segment failed: %1</source>
            <translation>有分段失败：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="107" />
            <source>Paused: %1</source>
            <translation>已暂停：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="63" />
            <source>%1 of %2 segments rendered</source>
            <translation>已生成 %1/%2 个分段</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="111" />
            <source>about %1 left</source>
            <translation>约剩 %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="88" />
            <source>%1 chars: %2 tasks, %3 in voice fees; redoing one segment ≈ %4</source>
            <translation>%1 字：%2 个任务，音色费 %3；重做一个分段约 %4</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="100" />
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="118" />
            <source>%1 of %2 segments, %3 of audio, %4 spent</source>
            <translation>%1/%2 个分段，音频 %3，已花费 %4</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/texts.py" line="74" />
            <source>%1: %2 characters, %3 tasks, voice fees %4, total %5; already paid %6</source>
            <translation>%1：%2 个字符，%3 个任务，音色费 %4，合计 %5；已支付 %6</translation>
        </message>
    </context>
    <context>
        <name>Captions</name>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/attach.py" line="89" />
            <source>Captions</source>
            <translation>字幕</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/attach.py" line="95" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/attach.py" line="100" />
            <source>Save the result's audio and subtitles in another format (Ctrl+E)</source>
            <translation>将结果的音频和字幕另存为其他格式（Ctrl+E）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/attach.py" line="224" />
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/attach.py" line="222" />
            <source>Exported: {names}</source>
            <translation>已导出：{names}</translation>
        </message>
    </context>
    <context>
        <name>CaptionsPane</name>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/loader.py" line="44" />
            <source>it is too large ({size} MB)</source>
            <translation>文件过大（{size} MB）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/pane.py" line="61" />
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/pane.py" line="103" />
            <source>Play a result to see its captions.</source>
            <translation>播放一个结果即可在此查看字幕。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/pane.py" line="106" />
            <source>Reading the subtitles…</source>
            <translation>正在读取字幕…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/pane.py" line="110" />
            <source>Turn on subtitles in the parameters to get captions</source>
            <translation>在参数中开启字幕，即可获得字幕</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/pane.py" line="114" />
            <source>The subtitle file could not be read: {reason} The file is kept: {path}</source>
            <translation>无法读取字幕文件：{reason} 文件已保留：{path}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/view.py" line="83" />
            <source>Captions</source>
            <translation>字幕</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/captions/view.py" line="334" />
            <source>{start} – {end}. Click to jump here.</source>
            <translation>{start} – {end}。点击跳转到此处。</translation>
        </message>
    </context>
    <context>
        <name>ChapterProperties</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="49" />
            <source>none chosen</source>
            <translation>尚未选择</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="53" />
            <source>Voice ID:</source>
            <translation>音色 ID：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="65" />
            <source>Emotion:</source>
            <translation>情绪：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="68" />
            <source>Speed:</source>
            <translation>语速：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="69" />
            <source>Volume:</source>
            <translation>音量：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="70" />
            <source>Pitch:</source>
            <translation>音调：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="98" />
            <source>Changing these makes the chapter's rendered audio stale: it is kept, and rendered again only when you ask.</source>
            <translation>更改这些设置会使本章已生成的音频过期：音频会保留，只有在您要求时才会重新生成。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="75" />
            <source>Own value</source>
            <translation>单独设置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="43" />
            <source>Chapter “%1”</source>
            <translation>章节“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="51" />
            <source>The book's voice (%1)</source>
            <translation>全书的音色（%1）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="59" />
            <source>As the book (%1)</source>
            <translation>同全书（%1）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/chapter_dialog.py" line="83" />
            <source>%1 to %2</source>
            <translation>%1 至 %2</translation>
        </message>
    </context>
    <context>
        <name>CloneWizard</name>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_action.py" line="29" />
            <source>Clone a voice…</source>
            <translation>克隆音色…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_action.py" line="32" />
            <source>Make a new voice from a recording of 15 to 60 seconds</source>
            <translation>用 15 至 60 秒的录音创建新音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="294" />
            <source>Hello! This is how my new voice sounds. I hope you like it.</source>
            <translation>你好！这就是我的新声音，希望你喜欢。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="62" />
            <source>about {money} ({chars} characters).</source>
            <translation>约 {money}（{chars} 个字符）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="66" />
            <source>Demo: no real money.</source>
            <translation>演示模式，不产生真实费用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="110" />
            <source>The service makes a short preview in the cloned voice, so you can hear it before saving. The preview is charged by its length in characters.</source>
            <translation>服务会用克隆的音色生成一段简短试听，供您在保存前试听。试听按字符数计费。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="142" />
            <source>{version} ({count} languages)</source>
            <translation>{version}（{count} 种语言）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="166" />
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="68" />
            <source>Preview text:</source>
            <translation>试听文本：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="167" />
            <source>Model:</source>
            <translation>模型：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="168" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="58" />
            <source>unknown ({chars} characters). Enter the preview price in Settings › Prices to see it.</source>
            <translation>未知（{chars} 个字符）。请在“设置 › 价格”中填写试听单价后查看。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="229" />
            <source>Leave it empty to use the service's default line instead.</source>
            <translation>留空则改用服务的默认台词。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="274" />
            <source>Model v1 cannot detect the language, so it is set to {language}.</source>
            <translation>v1 模型无法自动识别语言，因此已设为{language}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="278" />
            <source>{previous} needs model v2, so the language is set to {language}.</source>
            <translation>{previous}需要 v2 模型，因此语言已设为{language}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="70" />
            <source>At most {money} if the service charges whole blocks of 10,000.</source>
            <translation>若服务按每 10,000 字符整块计费，最多 {money}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="204" />
            <source>Preview text: {problem}</source>
            <translation>试听文本：{problem}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="219" />
            <source>{count} / {limit} characters</source>
            <translation>{count} / {limit} 个字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="245" />
            <source>Preview cost: {amount}</source>
            <translation>试听费用：{amount}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_preview_page.py" line="233" />
            <source>Empty: the service speaks its default line (shown greyed above, {count} characters, in Chinese), and that line is billed.</source>
            <translation>留空时，服务会朗读其默认台词（上方灰色显示，共 {count} 个字符，中文），并按该台词计费。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="194" />
            <source>The server did not answer in time.</source>
            <translation>服务器未及时响应。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="196" />
            <source>The file is no longer there.</source>
            <translation>文件已不存在。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="203" />
            <source>Upload failed. {detail} Nothing was charged; try again.</source>
            <translation>上传失败。{detail}未产生任何费用，请重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="121" />
            <source>Not connected: enter your API key in Settings, or start the demo, then try again. Nothing was sent.</source>
            <translation>尚未连接：请在“设置”中输入 API 密钥，或启动演示，然后重试。未发送任何内容。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="131" />
            <source>The web address cannot be used; go back and fix it.</source>
            <translation>此网址无法使用，请返回修改。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="198" />
            <source>The app is not allowed to read this file.</source>
            <translation>本应用无权读取此文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="202" />
            <source>The file cannot be read.</source>
            <translation>无法读取此文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="169" />
            <source>The preview has no audio.</source>
            <translation>试听没有音频。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="171" />
            <source>The preview failed.</source>
            <translation>试听失败。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run.py" line="174" />
            <source>Stopped waiting for the preview. The server still finishes it (and charges it); this voice was not saved.</source>
            <translation>已停止等待试听。服务器仍会完成它（并计费）；此音色未被保存。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="52" />
            <source>Check the summary, then press Clone voice. A local file is uploaded first (free); the preview is then charged. A preview that fails is refunded.</source>
            <translation>请核对摘要，然后点击“克隆音色”。本地文件会先上传（免费），随后试听开始计费。试听失败会退款。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="67" />
            <source>Source:</source>
            <translation>来源：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="69" />
            <source>Model and language:</source>
            <translation>模型与语言：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="70" />
            <source>Cost:</source>
            <translation>费用：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="72" />
            <source>Uploading the recording…</source>
            <translation>正在上传录音…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="77" />
            <source>Cancel upload</source>
            <translation>取消上传</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="117" />
            <source>The service's default line</source>
            <translation>服务的默认台词</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="120" />
            <source>{version}, {language}</source>
            <translation>{version}，{language}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="136" />
            <source>Sending the preview request…</source>
            <translation>正在发送试听请求…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="147" />
            <source>Uploading the recording… {sent} of {total} KB</source>
            <translation>正在上传录音… {sent} / {total} KB</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="160" />
            <source>Preview: {state}</source>
            <translation>试听：{state}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_run_page.py" line="168" />
            <source>expected in about {seconds} s</source>
            <translation>预计约 {seconds} 秒后完成</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_save_page.py" line="44" />
            <source>Your voice is ready. Listen to the preview, then name it.</source>
            <translation>音色已就绪。请先试听，再为它命名。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_save_page.py" line="52" />
            <source>For example: Narrator, calm</source>
            <translation>例如：旁白，沉稳</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_save_page.py" line="70" />
            <source>Voice name:</source>
            <translation>音色名称：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_save_page.py" line="26" />
            <source>Voice name is required (1 to {max} characters).</source>
            <translation>音色名称为必填项（1 至 {max} 个字符）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_save_page.py" line="30" />
            <source>Voice name must be at most {max} characters (it has {count}).</source>
            <translation>音色名称最多 {max} 个字符（当前 {count} 个）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_save_page.py" line="83" />
            <source>Preview of the cloned voice</source>
            <translation>克隆音色的试听</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_save_page.py" line="88" />
            <source>Voice ID: {id}. The voice is temporary: use it once for speech before {date} and it is kept for good; otherwise the service deletes it.</source>
            <translation>音色 ID：{id}。该音色为临时音色：在 {date} 之前用它生成一次语音即可永久保留，否则服务会将其删除。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="129" />
            <source>Local file</source>
            <translation>本地文件</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="132" />
            <source>Web address (URL)</source>
            <translation>网址（URL）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="145" />
            <source>…or paste the path of the file</source>
            <translation>…或粘贴文件路径</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="242" />
            <source>Choose a recording to clone</source>
            <translation>选择要克隆的录音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="352" />
            <source>The address looks usable: public, http(s), an accepted type.</source>
            <translation>该网址看起来可用：公开地址、http(s)、受支持的类型。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="342" />
            <source>{seconds} s long, {size} MB: within the limits for cloning.</source>
            <translation>时长 {seconds} 秒，大小 {size} MB：符合克隆要求。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="120" />
            <source>Choose a recording of one person speaking: more than {min} s and less than {max} s of clear speech, without music or other voices.</source>
            <translation>请选择一段单人说话的录音：清晰语音需多于 {min} 秒且少于 {max} 秒，不含音乐或其他人声。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="148" />
            <source>Accepted: {types}; up to {limit} MB.</source>
            <translation>支持格式：{types}；最大 {limit} MB。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="166" />
            <source>A public address of one file ({types}), without Chinese characters. Its length cannot be checked here.</source>
            <translation>单个文件的公开网址（{types}），不能含中文字符。此处无法检查其时长。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="327" />
            <source>Checking the file…</source>
            <translation>正在检查文件…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="333" />
            <source>Measuring the length…</source>
            <translation>正在测量时长…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="341" />
            <source>{size} MB: within the upload limit.</source>
            <translation>{size} MB：未超过上传限制。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_source_page.py" line="244" />
            <source>Audio or video ({patterns})</source>
            <translation>音频或视频 ({patterns})</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="60" />
            <source>Source file: there is no file at this path; choose the file again.</source>
            <translation>源文件：此路径下没有文件，请重新选择。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="64" />
            <source>Source file is empty (0 bytes).</source>
            <translation>源文件为空（0 字节）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="116" />
            <source>Paste the http:// or https:// web address of the file.</source>
            <translation>请粘贴文件的 http:// 或 https:// 网址。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="120" />
            <source>Web address must start with http:// or https:// and name a server. For a file on this computer, choose “Local file” instead.</source>
            <translation>网址必须以 http:// 或 https:// 开头并包含服务器名。如果文件在本机，请改选“本地文件”。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="136" />
            <source>Web address must not contain spaces; encode them as %20.</source>
            <translation>网址不能包含空格，请写成 %20。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="42" />
            <source>no extension</source>
            <translation>无扩展名</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="149" />
            <source>no file extension</source>
            <translation>无文件扩展名</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="46" />
            <source>Source file must be one of {types} (got {ext}).</source>
            <translation>源文件必须是以下格式之一：{types}（当前为 {ext}）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="52" />
            <source>Source file: voice cloning does not accept {ext} files, although they can be uploaded. Convert it to one of {types}.</source>
            <translation>源文件：{ext} 文件虽可上传，但音色克隆不支持。请转换为以下格式之一：{types}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="68" />
            <source>Source file is {size} MB; the upload limit is {limit} MB.</source>
            <translation>源文件大小为 {size} MB，上传上限为 {limit} MB。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="75" />
            <source>Source is {seconds} s long; the speech must last more than {min} s and less than {max} s. Use a longer recording.</source>
            <translation>来源时长 {seconds} 秒；语音须多于 {min} 秒且少于 {max} 秒。请使用更长的录音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="87" />
            <source>Source is {seconds} s long; the speech must last more than {min} s and less than {max} s. Trim it to under {max} s.</source>
            <translation>来源时长 {seconds} 秒；语音须多于 {min} 秒且少于 {max} 秒。请剪辑到 {max} 秒以内。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="99" />
            <source>Source is {seconds} s long. Silence and pauses do not count as speech, so make sure more than {min} s of it is speech.</source>
            <translation>来源时长 {seconds} 秒。静音和停顿不算语音，请确保其中语音多于 {min} 秒。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="107" />
            <source>The length of this source cannot be measured here. Make sure the speech lasts more than {min} s and less than {max} s, or the clone will fail (a failed preview is refunded).</source>
            <translation>此处无法测量该来源的时长。请确保语音多于 {min} 秒且少于 {max} 秒，否则克隆会失败（失败的试听会退款）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="128" />
            <source>Web address points to {host}, which the service cannot reach. Use a public address, or choose “Local file” to upload the file.</source>
            <translation>网址指向 {host}，服务无法访问。请使用公开网址，或改选“本地文件”上传。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="140" />
            <source>Web address must not contain Chinese characters (found “{char}”). Rename the file, or choose “Local file” to upload it.</source>
            <translation>网址不能包含中文字符（发现“{char}”）。请重命名文件，或改选“本地文件”上传。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_text.py" line="150" />
            <source>Web address must end in a file of type {types} (got {ext}).</source>
            <translation>网址必须指向以下类型的文件：{types}（当前为 {ext}）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_widgets.py" line="130" />
            <source>Drop an audio or video file here</source>
            <translation>将音频或视频文件拖放到此处</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_widgets.py" line="133" />
            <source>Choose a file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="79" />
            <source>Choose the recording</source>
            <translation>选择录音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="80" />
            <source>Preview settings</source>
            <translation>试听设置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="81" />
            <source>Clone</source>
            <translation>克隆</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="82" />
            <source>Listen and save</source>
            <translation>试听并保存</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="101" />
            <source>Clone a voice</source>
            <translation>克隆音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="144" />
            <source>&lt; Back</source>
            <translation>&lt; 上一步</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="145" />
            <source>Next &gt;</source>
            <translation>下一步 &gt;</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="146" />
            <source>Clone voice</source>
            <translation>克隆音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="147" />
            <source>Save voice</source>
            <translation>保存音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="148" />
            <source>Discard</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="149" />
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="239" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="306" />
            <source>Upload cancelled. Nothing was sent for cloning and nothing was charged.</source>
            <translation>上传已取消。未发送克隆请求，也未产生任何费用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="389" />
            <source>Voice discarded. Change the settings and clone again, or close.</source>
            <translation>音色已丢弃。可修改设置后重新克隆，或关闭向导。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="239" />
            <source>Stop waiting</source>
            <translation>停止等待</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="287" />
            <source>The source or the preview settings need attention: go back.</source>
            <translation>来源或试听设置需要修改，请返回上一步。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="378" />
            <source>Discard this voice? Its preview was already charged, and the voice will not be kept. Press Discard again to confirm.</source>
            <translation>要丢弃此音色吗？其试听已计费，丢弃后音色不会保留。再次点击“丢弃”以确认。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="213" />
            <source>Step {number} of {count}: {title}</source>
            <translation>第 {number} 步，共 {count} 步：{title}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="362" />
            <source>Voice “{name}” saved and selected. It is temporary: use it for speech within 3 days to keep it for good.</source>
            <translation>音色“{name}”已保存并选中。它是临时音色：请在 3 天内用它生成语音以永久保留。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="407" />
            <source>The preview is being made and will be charged. If you stop waiting, this voice cannot be saved. Press Stop waiting again to stop anyway.</source>
            <translation>试听正在生成，将会计费。如果停止等待，此音色将无法保存。再次点击“停止等待”仍可停止。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="346" />
            <source>The voice could not be saved: {error}. Nothing is lost: fix the problem and press Save voice again.</source>
            <translation>无法保存音色：{error}。没有丢失任何内容：解决问题后再次点击“保存音色”。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/clone_wizard.py" line="418" />
            <source>This voice is not saved yet. Press Save voice to keep it, or close again to discard it.</source>
            <translation>此音色尚未保存。点击“保存音色”保留它，或再次关闭以丢弃。</translation>
        </message>
    </context>
    <context>
        <name>Counter</name>
        <message>
            <location filename="../../soundclone_desktop/ui/common/money.py" line="14" />
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="40" />
            <source>JimiCoin</source>
            <translation>吉米币</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="103" />
            <source>1 billable character</source>
            <translation>1 个计费字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="121" />
            <source>Set prices in Settings to see the cost</source>
            <translation>在“设置”中填写价格即可查看费用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="125" />
            <source>Estimated cost: {total} {currency}, up to {upper} (incl. voice fee {fee})</source>
            <translation>预计费用：{total} {currency}，最多 {upper}（含音色费 {fee}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="130" />
            <source>Estimated cost: {total} {currency} (incl. voice fee {fee})</source>
            <translation>预计费用：{total} {currency}（含音色费 {fee}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="91" />
            <source>Prices are per 10,000 characters. If the service charges every started block of 10,000 characters in full, the cost is the higher figure.</source>
            <translation>价格按每 10,000 字符计算。如果服务按每个不足 10,000 字符的区块整块收费，费用为较高的数字。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="108" />
            <source>{count} / {limit} in request</source>
            <translation>请求 {count} / {limit}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="146" />
            <source>The service accepts at most 9,999 characters per request, pause markers included.</source>
            <translation>每个请求最多 9,999 个字符（含停顿标记）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="105" />
            <source>{count} billable characters</source>
            <translation>{count} 个计费字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/counter.py" line="113" />
            <source>{count} over the limit</source>
            <translation>超出 {count} 个</translation>
        </message>
    </context>
    <context>
        <name>Delivery</name>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/attach.py" line="64" />
            <source>Deliver Audiobook…</source>
            <translation>交付有声书…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/attach.py" line="67" />
            <source>Master the book for a retailer, check it, and make an M4B or EPUB</source>
            <translation>按零售平台的要求对全书做母带处理并检查，并制作 M4B 或 EPUB</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/attach.py" line="112" />
            <source>%1 delivery</source>
            <translation>%1 交付</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="26" />
            <source>This is %1, written by %2, narrated by %3.</source>
            <translation>这里是《%1》，作者：%2，朗读：%3。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="27" />
            <source>This has been %1, written by %2, narrated by %3. The end.</source>
            <translation>《%1》到此结束。作者：%2，朗读：%3。全书完。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="24" />
            <source>the author</source>
            <translation>作者</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="25" />
            <source>a synthetic voice</source>
            <translation>合成语音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="80" />
            <source>Add them as chapters, then render them in the book (they cost like any chapter).</source>
            <translation>请把它们添加为章节，然后在书中生成（费用与其他章节相同）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="48" />
            <source>Credits (files of their own)</source>
            <translation>片头与片尾声明（各自单独成文件）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="64" />
            <source>Add to the Book as Chapters</source>
            <translation>作为章节添加到书中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="70" />
            <source>Opening:</source>
            <translation>片头：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="71" />
            <source>Closing:</source>
            <translation>片尾：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="77" />
            <source>The book has both credits chapters: they are delivered first and last.</source>
            <translation>本书已有片头和片尾章节：它们分别作为第一个和最后一个文件交付。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/credits.py" line="96" />
            <source>Added to the book: render the new chapters, then deliver again.</source>
            <translation>已添加到书中：请生成这些新章节，然后再次交付。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="69" />
            <source>No closing credits: add a chapter titled “Closing credits” last and render it.</source>
            <translation>没有片尾声明：请在最后添加一个标题为“Closing credits”的章节并生成。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="48" />
            <source>Joining each chapter's takes…</source>
            <translation>正在拼接各章节的音频…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="49" />
            <source>Mastering the chapters…</source>
            <translation>正在对各章节做母带处理…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="50" />
            <source>Checking every file…</source>
            <translation>正在检查每个文件…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="51" />
            <source>Writing the captions…</source>
            <translation>正在写入字幕…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="52" />
            <source>Writing the M4B…</source>
            <translation>正在写入 M4B…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="53" />
            <source>Writing the read-along EPUB…</source>
            <translation>正在写入伴读 EPUB…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="66" />
            <source>No opening credits: add a chapter titled “Opening credits” first and render it.</source>
            <translation>没有片头声明：请在最前面添加一个标题为“Opening credits”的章节并生成。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="236" />
            <source>Choose a folder to deliver into.</source>
            <translation>请选择交付到的文件夹。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="238" />
            <source>Choose a folder outside the book's own folder.</source>
            <translation>请选择书籍文件夹之外的文件夹。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="240" />
            <source>Tick at least one thing to make.</source>
            <translation>请至少勾选一项要制作的内容。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="104" />
            <source>What to Make</source>
            <translation>制作内容</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="105" />
            <source>Check Report</source>
            <translation>检查报告</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="116" />
            <source>Deliver</source>
            <translation>交付</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="181" />
            <source>Delivered: %n file(s) mastered this time.</source>
            <translation>
                <numerusform>已交付：本次处理了 %n 个文件。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="183" />
            <source>Delivered: every master was already up to date.</source>
            <translation>已交付：所有母带文件均已是最新。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="209" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="209" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="213" />
            <source>Starting…</source>
            <translation>正在开始…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="220" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="243" />
            <source>The cover image %1 was not found.</source>
            <translation>找不到封面图片 %1。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="89" />
            <source>Deliver “%1”</source>
            <translation>交付《%1》</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="179" />
            <source>Delivered into %1.</source>
            <translation>已交付到 %1。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/dialog.py" line="202" />
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="49" />
            <source>The delivery stopped: %1</source>
            <translation>交付已停止：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="28" />
            <source>There is no chapter to deliver: every chapter is excluded.</source>
            <translation>没有可交付的章节：所有章节都已排除。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="32" />
            <source>Cancelled. No half-written file was left in the folder.</source>
            <translation>已取消。文件夹中没有留下写了一半的文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="41" />
            <source>The masters would overwrite the book's own audio: choose another folder.</source>
            <translation>母版会覆盖书本身的音频：请选择其他文件夹。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="54" />
            <source>Nothing was delivered: chapter(s) %1 are not rendered in full yet. Render them in the book first.</source>
            <translation>未交付任何文件：第 %1 章尚未全部生成。请先在书中生成。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="64" />
            <source>%1 cannot be written: the folder is read-only.</source>
            <translation>无法写入 %1：文件夹是只读的。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="67" />
            <source>%1 cannot be written: the disk is full.</source>
            <translation>无法写入 %1：磁盘已满。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="68" />
            <source>%1 cannot be written: there is no permission to write there.</source>
            <translation>无法写入 %1：没有在该处写入的权限。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="71" />
            <source>%1 cannot be written: a file is in the way where a folder should be.</source>
            <translation>无法写入 %1：应为文件夹的位置上有一个文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="77" />
            <source>%1 could not be written.</source>
            <translation>无法写入 %1。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="35" />
            <source>The cover image %1 could not be read.</source>
            <translation>无法读取封面图片 %1。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/errors.py" line="38" />
            <source>The cover %1 is not a JPEG or PNG image.</source>
            <translation>封面 %1 不是 JPEG 或 PNG 图片。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="75" />
            <source>Profile</source>
            <translation>交付规格</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="89" />
            <source>Custom profile</source>
            <translation>自定义规格</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="91" />
            <source> LUFS</source>
            <translation> LUFS</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="92" />
            <source> dBTP</source>
            <translation> dBTP</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="105" />
            <source>Mono</source>
            <translation>单声道</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="106" />
            <source>Stereo</source>
            <translation>立体声</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="108" />
            <source>Loudness target:</source>
            <translation>响度目标：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="109" />
            <source>Peak ceiling:</source>
            <translation>峰值上限：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="110" />
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="111" />
            <source>Bit rate:</source>
            <translation>比特率：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="112" />
            <source>Sample rate:</source>
            <translation>采样率：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="113" />
            <source>Channels:</source>
            <translation>声道：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="121" />
            <source>Make</source>
            <translation>制作</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="122" />
            <source>One file per chapter, with the credits</source>
            <translation>每章一个文件（含片头片尾声明）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="125" />
            <source>One M4B with chapters</source>
            <translation>一个带章节的 M4B</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="127" />
            <source>Captions of each file and of the book:</source>
            <translation>每个文件及全书的字幕：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="132" />
            <source>Read-along EPUB 3 (text highlighted as it plays)</source>
            <translation>伴读 EPUB 3（播放时高亮文字）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="144" />
            <source>M4B details</source>
            <translation>M4B 信息</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="150" />
            <source>Audiobook</source>
            <translation>有声书</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="154" />
            <source>JPEG or PNG, square</source>
            <translation>JPEG 或 PNG，正方形</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="155" />
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="179" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="161" />
            <source>Title:</source>
            <translation>标题：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="166" />
            <source>Author:</source>
            <translation>作者：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="171" />
            <source>Year:</source>
            <translation>年份：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="172" />
            <source>Description:</source>
            <translation>简介：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="173" />
            <source>Cover:</source>
            <translation>封面：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="218" />
            <source>Cover image</source>
            <translation>封面图片</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="219" />
            <source>Images (*.jpg *.jpeg *.png)</source>
            <translation>图片 (*.jpg *.jpeg *.png)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="225" />
            <source>Deliver into</source>
            <translation>交付到</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="164" />
            <source>Narrator:</source>
            <translation>朗读者：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="169" />
            <source>Genre:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="182" />
            <source>Folder:</source>
            <translation>文件夹：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="275" />
            <source>%1 (recommended)</source>
            <translation>%1（建议）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="98" />
            <source>%1 kbps</source>
            <translation>%1 kbps</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/form.py" line="102" />
            <source>%1 Hz</source>
            <translation>%1 Hz</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="180" />
            <source>The files differ from each other: see “Across the book”.</source>
            <translation>各文件之间不一致：请查看“全书”。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="64" />
            <source>Open Folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="67" />
            <source>Open HTML Report</source>
            <translation>打开 HTML 报告</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="134" />
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="190" />
            <source>Pass</source>
            <translation>通过</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="50" />
            <source>File and rule</source>
            <translation>文件与规则</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="51" />
            <source>Measured</source>
            <translation>测量值</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="52" />
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="53" />
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="176" />
            <source>Every file passes %1 (%n file(s) checked).</source>
            <translation>
                <numerusform>所有文件均符合 %1（已检查 %n 个文件）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="93" />
            <source>Across the book</source>
            <translation>全书</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="99" />
            <source>Also needed (not measurable)</source>
            <translation>还需满足（无法从音频测量）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="135" />
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="191" />
            <source>Fail</source>
            <translation>未通过</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/delivery/report_view.py" line="182" />
            <source>%n of %2 file(s) do not pass %1: the reasons are below.</source>
            <translation>
                <numerusform>%2 个文件中有 %n 个不符合 %1：原因见下。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="21" />
            <source>ACX / Audible</source>
            <translation>ACX / Audible</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="22" />
            <source>Findaway / Spotify</source>
            <translation>Findaway / Spotify</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="23" />
            <source>Apple Books (M4B)</source>
            <translation>Apple Books（M4B）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="24" />
            <source>Google Play Books</source>
            <translation>Google Play 图书</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="25" />
            <source>Podcast / web</source>
            <translation>播客 / 网络</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="26" />
            <source>YouTube / video</source>
            <translation>YouTube / 视频</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="27" />
            <source>Custom</source>
            <translation>自定义</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="31" />
            <source>Audible's rules: one MP3 per chapter at 192 kbps CBR, 44.1 kHz, −23 to −18 dB RMS, peaks at most −3 dB, noise floor −60 dB, room tone at both ends.</source>
            <translation>Audible 的要求：每章一个 MP3，192 kbps 恒定比特率，44.1 kHz，RMS 在 −23 到 −18 dB 之间，峰值不超过 −3 dB，底噪 −60 dB，首尾有环境音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="36" />
            <source>Voices by INaudio (Spotify and 40+ stores): the same rules as Audible.</source>
            <translation>Voices by INaudio（Spotify 及 40 多家商店）：要求与 Audible 相同。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="39" />
            <source>AAC audio at 44.1 kHz for one M4B with chapters; Audible's levels recommended.</source>
            <translation>44.1 kHz 的 AAC 音频，制作一个带章节的 M4B；建议采用 Audible 的电平要求。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="42" />
            <source>MP3, AAC, FLAC or WAV at 44.1 kHz or more, 128 kbps mono or 256 kbps stereo or more; constant bit rate and silence at both ends preferred.</source>
            <translation>MP3、AAC、FLAC 或 WAV，44.1 kHz 或更高，单声道 128 kbps 或立体声 256 kbps 以上；最好为恒定比特率，且首尾有静音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="47" />
            <source>−16 LUFS, true peaks at most −1 dBTP (AES streaming speech).</source>
            <translation>−16 LUFS，真峰值不超过 −1 dBTP（AES 流媒体语音标准）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="50" />
            <source>−14 LUFS, true peaks at most −1 dBTP (YouTube's playback level).</source>
            <translation>−14 LUFS，真峰值不超过 −1 dBTP（YouTube 的播放电平）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="53" />
            <source>Your own level, peak ceiling, format and room tone.</source>
            <translation>自行设定电平、峰值上限、格式和环境音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="57" />
            <source>Each file's RMS level is between −23 and −18 dB.</source>
            <translation>每个文件的 RMS 电平在 −23 到 −18 dB 之间。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="60" />
            <source>Peaks are no higher than −3 dB (true peak).</source>
            <translation>峰值不超过 −3 dB（真峰值）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="63" />
            <source>The noise floor is −60 dB RMS or lower.</source>
            <translation>底噪为 −60 dB RMS 或更低。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="66" />
            <source>Each file starts with 0.5 to 1 second of room tone.</source>
            <translation>每个文件开头有 0.5 到 1 秒的环境音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="69" />
            <source>Each file ends with 1 to 5 seconds of room tone.</source>
            <translation>每个文件结尾有 1 到 5 秒的环境音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="72" />
            <source>Files are MP3.</source>
            <translation>文件为 MP3 格式。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="73" />
            <source>The bit rate is 192 kbps or higher.</source>
            <translation>比特率为 192 kbps 或更高。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="76" />
            <source>The bit rate is constant (CBR), not variable.</source>
            <translation>比特率恒定（CBR），而非可变。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="79" />
            <source>The sample rate is 44.1 kHz.</source>
            <translation>采样率为 44.1 kHz。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="80" />
            <source>No file is longer than 120 minutes.</source>
            <translation>没有文件超过 120 分钟。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="83" />
            <source>Every file has the same channels (all mono or all stereo).</source>
            <translation>所有文件的声道相同（全部单声道或全部立体声）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="86" />
            <source>One file per chapter.</source>
            <translation>每章一个文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="87" />
            <source>Opening and closing credits are files of their own.</source>
            <translation>片头和片尾声明各自单独成文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="90" />
            <source>Files are AAC (M4A or M4B).</source>
            <translation>文件为 AAC 格式（M4A 或 M4B）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="91" />
            <source>At least 64 kbps per channel.</source>
            <translation>每声道至少 64 kbps。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="92" />
            <source>One M4B with a chapter marker per chapter, a cover and metadata.</source>
            <translation>一个 M4B，每章一个章节标记，带封面和元数据。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="95" />
            <source>Files are MP3, AAC (M4A), FLAC or WAV.</source>
            <translation>文件为 MP3、AAC（M4A）、FLAC 或 WAV 格式。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="98" />
            <source>At least 128 kbps mono or 256 kbps stereo.</source>
            <translation>单声道至少 128 kbps，立体声至少 256 kbps。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="101" />
            <source>The sample rate is 44.1 kHz or higher.</source>
            <translation>采样率为 44.1 kHz 或更高。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="104" />
            <source>The bit rate is constant (CBR) (preferred).</source>
            <translation>比特率恒定（CBR）（最好如此）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="107" />
            <source>Files start with silence (preferred).</source>
            <translation>文件以静音开头（最好如此）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="110" />
            <source>Files end with silence (preferred).</source>
            <translation>文件以静音结尾（最好如此）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="113" />
            <source>The whole book lasts from 5 minutes to 100 hours.</source>
            <translation>全书时长在 5 分钟到 100 小时之间。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="116" />
            <source>True peaks are no higher than −1 dBTP.</source>
            <translation>真峰值不超过 −1 dBTP。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="191" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="203" />
            <source>%1 This file is %2.</source>
            <translation>%1 此文件为 %2。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="205" />
            <source>%1 The files differ: %2.</source>
            <translation>%1 各文件不一致：%2。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="159" />
            <source>Integrated loudness is %1 LUFS (±1).</source>
            <translation>综合响度为 %1 LUFS（±1）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="161" />
            <source>True peaks are no higher than %1 dBTP.</source>
            <translation>真峰值不超过 %1 dBTP。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="199" />
            <source>%1 It could not be measured: the file is silent or unreadable.</source>
            <translation>%1 无法测量：文件无声或无法读取。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="207" />
            <source>%1 It measures %2: too low.</source>
            <translation>%1 测得 %2：过低。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="209" />
            <source>%1 It measures %2: too high.</source>
            <translation>%1 测得 %2：过高。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/delivery/texts.py" line="135" />
            <source>%1 LUFS, true peaks at most %2 dBTP, %3 at %4 kbps.</source>
            <translation>%1 LUFS，真峰值不超过 %2 dBTP，%3 格式，%4 kbps。</translation>
        </message>
    </context>
    <context>
        <name>EditMenu</name>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/attach.py" line="82" />
            <source>&amp;Find…</source>
            <translation>查找(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/attach.py" line="85" />
            <source>Find and &amp;Replace…</source>
            <translation>查找和替换(&amp;R)…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/attach.py" line="89" />
            <source>Find &amp;Next</source>
            <translation>查找下一个(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/attach.py" line="93" />
            <source>Find Pre&amp;vious</source>
            <translation>查找上一个(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/attach.py" line="96" />
            <source>&amp;Stop waiting</source>
            <translation>停止等待(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/attach.py" line="99" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/attach.py" line="130" />
            <source>&amp;Generate</source>
            <translation>生成(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/text_actions.py" line="33" />
            <source>&amp;Undo</source>
            <translation>撤销(&amp;U)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/text_actions.py" line="34" />
            <source>&amp;Redo</source>
            <translation>重做(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/text_actions.py" line="35" />
            <source>Cu&amp;t</source>
            <translation>剪切(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/text_actions.py" line="36" />
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/text_actions.py" line="37" />
            <source>&amp;Paste</source>
            <translation>粘贴(&amp;P)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/text_actions.py" line="39" />
            <source>Select &amp;All</source>
            <translation>全选(&amp;A)</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="149" />
            <source>Something unexpected went wrong. The details are in the log file; please include it when you report the problem.</source>
            <translation>发生了意外错误。详细信息已写入日志文件，反馈问题时请附上该文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="48" />
            <source>The server did not confirm the task, so it may or may not have been created (and charged). Check your task list on the website before submitting again.</source>
            <translation>服务器没有确认该任务，它可能已创建（并已扣费），也可能没有。再次提交前，请先到网站上查看任务列表。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="57" />
            <source>The server rejected your API key. Open Settings and enter a valid key.</source>
            <translation>服务器拒绝了您的 API 密钥。请打开“设置”，输入有效的密钥。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="72" />
            <source>The server refused the request. Check the script and parameters.</source>
            <translation>服务器拒绝了该请求。请检查文稿和参数。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="81" />
            <source>The server is busy. Try again in a minute.</source>
            <translation>服务器繁忙，请一分钟后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="84" />
            <source>The service had an internal problem. Try again in a few minutes.</source>
            <translation>服务内部出现问题，请几分钟后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="92" />
            <source>The server reported an error. Try again later.</source>
            <translation>服务器报告了一个错误，请稍后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="95" />
            <source>Could not reach the server. Check your internet connection and the server address in Settings.</source>
            <translation>无法连接服务器。请检查网络连接以及“设置”中的服务器地址。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="103" />
            <source>The server did not answer in time. Check your connection and try again.</source>
            <translation>服务器未能及时响应。请检查网络连接后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="109" />
            <source>The connection to the server was interrupted. Try again.</source>
            <translation>与服务器的连接中断了，请重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="112" />
            <source>The server sent an answer the app does not understand. Check the server address in Settings.</source>
            <translation>服务器返回了本应用无法识别的内容。请检查“设置”中的服务器地址。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="120" />
            <source>The result file is unexpectedly large, so it was not saved.</source>
            <translation>结果文件异常庞大，因此没有保存。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="124" />
            <source>The result could not be downloaded. Its link may have expired; try again soon after the task finishes.</source>
            <translation>无法下载结果，下载链接可能已过期。请在任务完成后尽快重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="133" />
            <source>This type of file cannot be uploaded.</source>
            <translation>不能上传这种类型的文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="135" />
            <source>Something went wrong talking to the server.</source>
            <translation>与服务器通信时出错。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="138" />
            <source>The app is not allowed to write to a folder it needs. Choose another results folder in Settings.</source>
            <translation>本应用无权写入所需的文件夹。请在“设置”中选择其他结果文件夹。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="146" />
            <source>A file could not be read or written. Check the disk space and folder.</source>
            <translation>无法读取或写入文件。请检查磁盘空间和文件夹。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="132" />
            <source>The file is too large (the limit is 100 MB).</source>
            <translation>文件过大（上限为 100 MB）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="67" />
            <source>The server refused the request: “{0}”. Change it and try again.</source>
            <translation>服务器拒绝了该请求：“{0}”。请修改后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="77" />
            <source>The server is busy. Try again in {0} seconds.</source>
            <translation>服务器繁忙，请 {0} 秒后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/common/errors.py" line="90" />
            <source>The server reported an error: “{0}”.</source>
            <translation>服务器报告错误：“{0}”。</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="165" />
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="219" />
            <source>Reading the subtitles…</source>
            <translation>正在读取字幕…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="282" />
            <source>The start of the file; the result has %n subtitles.</source>
            <translation>
                <numerusform>文件开头部分；该结果共有 %n 条字幕。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="286" />
            <source>The whole file.</source>
            <translation>完整文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="305" />
            <source>Save audio as</source>
            <translation>音频另存为</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="305" />
            <source>Save subtitles as</source>
            <translation>字幕另存为</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="212" />
            <source>This result has no subtitles. Turn on subtitles in the parameters before generating to get them.</source>
            <translation>该结果没有字幕。请在生成前于参数中开启字幕。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="364" />
            <source>Tick Audio, Subtitles or both to export.</source>
            <translation>请勾选“音频”、“字幕”或两者以进行导出。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="368" />
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="40" />
            <source>Audio</source>
            <translation>音频</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="372" />
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="84" />
            <source>Subtitles</source>
            <translation>字幕</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="381" />
            <source>Audio and subtitles need different file names.</source>
            <translation>音频和字幕需要使用不同的文件名。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="470" />
            <source>Converting and saving the audio…</source>
            <translation>正在转换并保存音频…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="472" />
            <source>Saving the subtitles…</source>
            <translation>正在保存字幕…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="503" />
            <source>Exporting…</source>
            <translation>正在导出…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="524" />
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="98" />
            <source>Export “{title}”</source>
            <translation>导出“{title}”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="242" />
            <source>The subtitle file could not be read: {reason}</source>
            <translation>无法读取字幕文件：{reason}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="318" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="493" />
            <source>The export failed: {reason}</source>
            <translation>导出失败：{reason}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="389" />
            <source>{names} already exists. Press Export again to replace it.</source>
            <translation>{names} 已存在。再次点击“导出”即可替换。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="414" />
            <source>{field}: choose where to save the file.</source>
            <translation>{field}：请选择文件的保存位置。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="436" />
            <source>{field}: the folder {folder} does not exist.</source>
            <translation>{field}：文件夹 {folder} 不存在。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="446" />
            <source>{field}: that is the result's own file; choose another name.</source>
            <translation>{field}：这是结果本身的文件，请换一个名称。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="315" />
            <source>{kind} files (*.{suffix})</source>
            <translation>{kind} 文件 (*.{suffix})</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/dialog.py" line="427" />
            <source>{field}: the folder {folder} could not be created: {reason}</source>
            <translation>{field}：无法创建文件夹 {folder}：{reason}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="50" />
            <source>WAV (uncompressed)</source>
            <translation>WAV（无压缩）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="51" />
            <source>MP3 (128 kbps)</source>
            <translation>MP3（128 kbps）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="52" />
            <source>M4A (AAC, 96 kbps)</source>
            <translation>M4A（AAC，96 kbps）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="53" />
            <source>Opus (48 kbps)</source>
            <translation>Opus（48 kbps）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="54" />
            <source>FLAC (lossless)</source>
            <translation>FLAC（无损）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="55" />
            <source>Normalise loudness to</source>
            <translation>响度标准化为</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="58" />
            <source>Measures the loudness as broadcast meters do (ITU-R BS.1770) and brings it to the target with true peaks at most −1 dBTP. The audio is converted, not copied.</source>
            <translation>按广播响度表的方法（ITU-R BS.1770）测量响度，并调整到目标值，真峰值不超过 −1 dBTP。音频会被转换，而不是直接复制。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="66" />
            <source>−16 LUFS (podcasts, web)</source>
            <translation>−16 LUFS（播客、网络）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="67" />
            <source>−23 LUFS (broadcast, EBU R128)</source>
            <translation>−23 LUFS（广播，EBU R128）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="70" />
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="115" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="73" />
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="118" />
            <source>Format:</source>
            <translation>格式：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="75" />
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="125" />
            <source>Save as:</source>
            <translation>保存为：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="90" />
            <source>SRT (video editors, players)</source>
            <translation>SRT（视频剪辑软件、播放器）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="91" />
            <source>WebVTT (web video)</source>
            <translation>WebVTT（网页视频）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="92" />
            <source>LRC (lyrics, one line at a time)</source>
            <translation>LRC（歌词，每次一行）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="93" />
            <source>ASS (styled subtitles)</source>
            <translation>ASS（带样式的字幕）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="101" />
            <source> ms</source>
            <translation> 毫秒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="107" />
            <source>Preview of the subtitle file</source>
            <translation>字幕文件预览</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="119" />
            <source>Characters per line, at most:</source>
            <translation>每行最多字符数：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="120" />
            <source>Lines per subtitle, at most:</source>
            <translation>每条字幕最多行数：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="121" />
            <source>Shortest time on screen:</source>
            <translation>最短显示时长：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="122" />
            <source>Preview:</source>
            <translation>预览：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/sections.py" line="47" />
            <source>Original ({kind}, unchanged)</source>
            <translation>原始格式（{kind}，不做改动）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/export/work.py" line="135" />
            <source>Could not write {path}: {reason}.</source>
            <translation>无法写入 {path}：{reason}。</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="58" />
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="59" />
            <source>Find</source>
            <translation>查找</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="65" />
            <source>Previous match</source>
            <translation>上一个匹配</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="68" />
            <source>Next match</source>
            <translation>下一个匹配</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="70" />
            <source>Match case</source>
            <translation>区分大小写</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="71" />
            <source>Whole words</source>
            <translation>全字匹配</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="72" />
            <source>Regular expression</source>
            <translation>正则表达式</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="74" />
            <source>Python syntax; in the replacement, \1 or \g&lt;name&gt; inserts a group</source>
            <translation>Python 语法；在替换内容中，\1 或 \g&lt;name&gt; 插入对应的分组</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="82" />
            <source>Close the find bar (Esc)</source>
            <translation>关闭查找栏（Esc）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="83" />
            <source>Close the find bar</source>
            <translation>关闭查找栏</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="87" />
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="88" />
            <source>Replace with</source>
            <translation>替换为</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="89" />
            <source>Replace</source>
            <translation>替换</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="92" />
            <source>Replace the selected match and go to the next one</source>
            <translation>替换选中的匹配并转到下一个</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="94" />
            <source>Replace all</source>
            <translation>全部替换</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="97" />
            <source>Replace every match in the editor (one step to undo)</source>
            <translation>替换编辑器中的所有匹配（一次即可撤销）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="124" />
            <source>No matches</source>
            <translation>无匹配</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="139" />
            <source>Not a valid regular expression: {0}</source>
            <translation>正则表达式无效：{0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="135" />
            <source>Replaced {0}</source>
            <translation>已替换 {0} 处</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="126" />
            <source>{0} found</source>
            <translation>找到 {0} 处</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/edit/find_bar.py" line="129" />
            <source>{0} of {1}</source>
            <translation>第 {0} 处，共 {1} 处</translation>
        </message>
    </context>
    <context>
        <name>GuideDialog</name>
        <message>
            <location filename="../../soundclone_desktop/ui/help/guide.py" line="45" />
            <location filename="../../soundclone_desktop/ui/help/guide.py" line="49" />
            <source>User guide</source>
            <translation>使用指南</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/guide.py" line="53" />
            <source>The guide is the README file of SoundClone Desktop, which this copy does not include. Ask for it where you got the app.</source>
            <translation>使用指南即 SoundClone Desktop 的 README 文件，此副本未包含该文件。请向提供本应用的一方索取。</translation>
        </message>
    </context>
    <context>
        <name>HelpMenu</name>
        <message>
            <location filename="../../soundclone_desktop/ui/help/attach.py" line="36" />
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/attach.py" line="38" />
            <source>User &amp;guide</source>
            <translation>使用指南(&amp;G)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/attach.py" line="41" />
            <source>&amp;About SoundClone Desktop</source>
            <translation>关于 SoundClone Desktop(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/attach.py" line="47" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/attach.py" line="49" />
            <source>Take the &amp;tour</source>
            <translation>参观导览(&amp;T)</translation>
        </message>
    </context>
    <context>
        <name>HistoryModel</name>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="59" />
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="227" />
            <source>⚠ Outcome unknown: check your account</source>
            <translation>⚠ 结果不明：请查看账号</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="67" />
            <source>The app stopped before the server answered, so this task may or may not have been created (and charged). Find it in the task list on the website: look it up here by its task ID, or send it again.</source>
            <translation>服务器应答前应用已停止，因此此任务可能已创建（并扣费），也可能没有。请在网站的任务列表中查找：可在这里按任务 ID 查询，或重新发送。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="79" />
            <source>Sent to the built-in demo server (no real charge).</source>
            <translation>发送到内置演示服务器（不产生真实费用）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="150" />
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="151" />
            <source>Voice</source>
            <translation>音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="152" />
            <source>Script</source>
            <translation>文稿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="153" />
            <source>Duration</source>
            <translation>时长</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="154" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="155" />
            <source>Estimated cost</source>
            <translation>预估费用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="77" />
            <source>Task ID: %1</source>
            <translation>任务 ID：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/model.py" line="203" />
            <source>Voice preview: %1</source>
            <translation>音色试听：%1</translation>
        </message>
    </context>
    <context>
        <name>HistoryPanel</name>
        <message>
            <location filename="../../soundclone_desktop/ui/history/attach.py" line="24" />
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="559" />
            <source>This task was sent to a built-in demo server that has since stopped, so it cannot be looked up.</source>
            <translation>此任务发送到的内置演示服务器已经停止，无法再查询。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="355" />
            <source>Delete from history</source>
            <translation>从历史记录中删除</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="356" />
            <source>Delete this task from the history?</source>
            <translation>要从历史记录中删除此任务吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="358" />
            <source>Its audio and subtitle files on this computer are deleted too. The task stays in your account on the server.</source>
            <translation>本机上的音频和字幕文件也会一并删除。服务器上您账号中的任务不受影响。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="364" />
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="410" />
            <source>Look up by task ID</source>
            <translation>按任务 ID 查询</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="412" />
            <source>Find this task in the task list on the website and paste its task ID (for example audio_16b635ba-…). The app then follows it and downloads the result.</source>
            <translation>请在网站的任务列表中找到此任务，并粘贴其任务 ID（例如 audio_16b635ba-…）。之后应用会跟踪该任务并下载结果。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="499" />
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="509" />
            <source>Send again</source>
            <translation>重新发送</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="500" />
            <source>Send this script again as a new task?</source>
            <translation>要将此文稿作为新任务重新发送吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="523" />
            <source>an amount this app cannot estimate (prices unknown)</source>
            <translation>无法估算的金额（价格未知）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="153" />
            <source>The task history is not available: its file could not be opened.</source>
            <translation>任务历史不可用：无法打开其文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="435" />
            <source>Task ID: enter the ID exactly as the website shows it, without spaces (at most 128 characters).</source>
            <translation>任务 ID：请按网站显示的原样输入，不含空格（最多 128 个字符）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="447" />
            <source>Connect to the server first (Settings), then look the task up.</source>
            <translation>请先连接服务器（在“设置”中），再查询该任务。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="488" />
            <source>The settings of this task were not recorded, so it cannot be sent again from here.</source>
            <translation>此任务的设置没有被记录，无法从这里重新发送。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="477" />
            <source>Following task %1: the result is downloaded when it is ready.</source>
            <translation>正在跟踪任务 %1：结果完成后会自动下载。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="502" />
            <source>It will charge %1. The first attempt may have been created and charged already: check the task list on the website before sending it again. The script and settings are loaded into the editor and sent from there.</source>
            <translation>将扣费 %1。第一次发送可能已经创建并扣费：重新发送前请先查看网站上的任务列表。文稿和设置会载入编辑器，并从那里发送。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="565" />
            <source>This task was sent to %1, but the app is connected to %2. Connect to %1 in Settings first.</source>
            <translation>此任务发送到了 %1，但应用当前连接的是 %2。请先在“设置”中连接 %1。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="294" />
            <source>The audio of this task is no longer on this computer (%1).</source>
            <translation>此任务的音频已不在本机上（%1）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="311" />
            <source>Loaded the script and settings of the task from %1. Undo (Ctrl+Z) in the editor brings back the previous script.</source>
            <translation>已载入 %1 的任务的文稿和设置。在编辑器中撤销（Ctrl+Z）可恢复之前的文稿。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="397" />
            <source>The entry was removed, but this file could not be deleted: %1</source>
            <translation>记录已移除，但无法删除此文件：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="534" />
            <source>Not sent: %1</source>
            <translation>未发送：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/controller.py" line="460" />
            <source>Task %1 is already in the history (sent %2).</source>
            <translation>任务 %1 已在历史记录中（发送于 %2）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="55" />
            <source>Search the history</source>
            <translation>搜索历史记录</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="57" />
            <source>Search scripts, task IDs and voices</source>
            <translation>搜索文稿、任务 ID 和音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="64" />
            <source>Task history</source>
            <translation>任务历史</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="88" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="89" />
            <source>Use these settings</source>
            <translation>使用这些设置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="91" />
            <source>Load this task's script, voice and parameters into the editor</source>
            <translation>将此任务的文稿、音色和参数载入编辑器</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="93" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="94" />
            <source>Save a copy of the audio</source>
            <translation>保存音频副本</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="96" />
            <source>Look up by task ID…</source>
            <translation>按任务 ID 查询…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="99" />
            <source>Found this task on the website? Enter its task ID and the app follows it and downloads the result.</source>
            <translation>在网站上找到了此任务？输入其任务 ID，应用会跟踪它并下载结果。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="105" />
            <source>Resubmit…</source>
            <translation>重新提交…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="107" />
            <source>Send this script again as a new task (shows the cost first)</source>
            <translation>将此文稿作为新任务重新发送（先显示费用）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="109" />
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="199" />
            <source>Matches: %n</source>
            <translation>
                <numerusform>匹配：%n 条</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="201" />
            <source>Tasks: %n</source>
            <translation>
                <numerusform>任务：%n 个</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="205" />
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="186" />
            <source>Remove this task and its files from this computer</source>
            <translation>从本机删除此任务及其文件</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/history/panel.py" line="188" />
            <source>A task still in progress cannot be deleted</source>
            <translation>仍在进行中的任务不能删除</translation>
        </message>
    </context>
    <context>
        <name>JobMessages</name>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="22" />
            <source>The server rejected the API key, so the task was not created and nothing was charged. Check the key in Settings, then submit again.</source>
            <translation>服务器拒绝了 API 密钥，因此任务没有创建，也没有扣费。请在“设置”中检查密钥，然后重新提交。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="27" />
            <source>The server rejected the API key, so checking on tasks has paused. Your tasks keep running on the server; enter a valid key to resume.</source>
            <translation>服务器拒绝了 API 密钥，因此已暂停查询任务进度。任务仍在服务器上运行；输入有效的密钥即可继续。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="32" />
            <source>Could not reach the server, so nothing was sent. Check the internet connection and the server address, then try again.</source>
            <translation>无法连接服务器，因此没有发送任何内容。请检查网络连接和服务器地址，然后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="37" />
            <source>Sending was interrupted, so the server may or may not have created this task. It was not sent again, to avoid a second charge; check the task list on the website before submitting again.</source>
            <translation>发送被中断，服务器可能已创建该任务，也可能没有。为避免重复扣费，应用没有重新发送；再次提交前，请先到网站上查看任务列表。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="43" />
            <source>Something went wrong while sending, so the server may or may not have created this task. It was not sent again, to avoid a second charge; check the task list on the website before submitting again.</source>
            <translation>发送时出错，服务器可能已创建该任务，也可能没有。为避免重复扣费，应用没有重新发送；再次提交前，请先到网站上查看任务列表。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="49" />
            <source>The server cancelled this task. Submit it again if you still need it.</source>
            <translation>服务器取消了该任务。如仍需要，请重新提交。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="52" />
            <source>The server finished the preview but sent no voice model ID, so the voice cannot be used. Try cloning again, or contact support with the task ID.</source>
            <translation>服务器完成了试听，但没有返回音色模型 ID，因此无法使用该音色。请重新克隆，或携带任务 ID 联系客服。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="57" />
            <source>The server sent no subtitle file for this task; the audio was saved.</source>
            <translation>服务器没有为该任务提供字幕文件；音频已保存。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="60" />
            <source>Stopped checking on tasks because the app is closing; they continue on the server.</source>
            <translation>应用正在关闭，已停止查询任务进度；任务会在服务器上继续运行。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="70" />
            <source>the server did not answer in time</source>
            <translation>服务器未及时响应</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="71" />
            <source>the connection broke before the answer arrived</source>
            <translation>收到响应前连接已中断</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="74" />
            <source>the answer could not be read</source>
            <translation>无法读取服务器的响应</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="82" />
            <source>the folder is read-only</source>
            <translation>该文件夹为只读</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="83" />
            <source>the disk is full</source>
            <translation>磁盘已满</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="84" />
            <source>there is no permission to write there</source>
            <translation>没有写入该位置的权限</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="87" />
            <source>a file is in the way where a folder should be</source>
            <translation>本应是文件夹的位置上有一个文件</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="103" />
            <source>Reconnecting… the server did not answer properly; next try in {0} s.</source>
            <translation>正在重新连接……服务器未正常响应；{0} 秒后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="106" />
            <source>This task is taking unusually long. It is still being checked every {0} s and its result will be saved when it arrives.</source>
            <translation>该任务耗时异常长。应用仍每 {0} 秒查询一次，结果生成后会自动保存。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="111" />
            <source>The task is finished but the server sent no audio link yet; asking again in {0} s.</source>
            <translation>任务已完成，但服务器尚未提供音频链接；{0} 秒后再次询问。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="115" />
            <source>The result is ready but downloading it failed; trying again in {0} s. It is kept on the server meanwhile.</source>
            <translation>结果已生成，但下载失败；{0} 秒后重试。在此期间结果仍保存在服务器上。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="120" />
            <source>The result of task {0} is larger than the {1} MB limit, so it was not saved. Download it from the website instead.</source>
            <translation>任务 {0} 的结果超过 {1} MB 上限，因此没有保存。请改从网站下载。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="125" />
            <source>Stopped waiting here. The server keeps task {0} and may still finish (and charge) it; you can follow it again later with its ID.</source>
            <translation>已停止等待。服务器保留任务 {0}，可能仍会完成（并扣费）；之后可以凭任务 ID 重新跟踪。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="130" />
            <source>The server no longer answers for task {0}: {1} Look the task up on the website if it was paid for.</source>
            <translation>服务器不再返回任务 {0} 的信息：{1} 如果该任务已付费，请到网站上查询。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="135" />
            <source>The server could not finish this task: {0}</source>
            <translation>服务器未能完成该任务：{0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="136" />
            <source>The server refused the request: {0} Nothing was charged; correct it and submit again.</source>
            <translation>服务器拒绝了该请求：{0} 没有扣费；请修改后重新提交。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="140" />
            <source>The server could not take the task right now: {0} Nothing was created or charged. Try again in a few minutes.</source>
            <translation>服务器暂时无法接收该任务：{0} 没有创建任务，也没有扣费。请几分钟后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="145" />
            <source>No clear answer came back ({0}), so the server may or may not have created this task. It was not sent again, to avoid a second charge; check the task list on the website before submitting again.</source>
            <translation>没有收到明确的响应（{0}），服务器可能已创建该任务，也可能没有。为避免重复扣费，应用没有重新发送；再次提交前，请先到网站上查看任务列表。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="151" />
            <source>The request was not sent: {0}</source>
            <translation>请求未发送：{0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="152" />
            <source>Needs your attention: the server keeps reporting task {0} as “{1}”, a status this app does not understand, so it stopped checking. Look the task up on the website; its result is kept there.</source>
            <translation>需要您处理：服务器一直报告任务 {0} 的状态为“{1}”，本应用无法识别该状态，因此已停止查询。请在网站上查看该任务；其结果保存在那里。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="158" />
            <source>Needs your attention: the server says task {0} is finished but sends no audio link, so the app stopped asking. Look the task up on the website; its result is kept there.</source>
            <translation>需要您处理：服务器表示任务 {0} 已完成，但没有提供音频链接，因此应用已停止查询。请在网站上查看该任务；其结果保存在那里。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="164" />
            <source>Needs your attention: the audio of task {0} cannot be downloaded ({1}), so the app stopped trying. Look the task up on the website; its result is kept there.</source>
            <translation>需要您处理：任务 {0} 的音频无法下载（{1}），因此应用已停止尝试。请在网站上查看该任务；其结果保存在那里。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="169" />
            <source>Needs your attention: the server did not answer properly for about {1} min, so the app stopped checking on task {0}. The task continues on the server; look it up on the website.</source>
            <translation>需要您处理：服务器约 {1} 分钟未能正常响应，因此应用已停止查询任务 {0}。该任务仍在服务器上继续；请在网站上查看。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="175" />
            <source>Needs your attention: task {0} is still not finished after {1} h, so the app stopped checking. It continues on the server; look it up on the website later.</source>
            <translation>需要您处理：任务 {0} 在 {1} 小时后仍未完成，因此应用已停止查询。该任务仍在服务器上继续；请稍后在网站上查看。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="180" />
            <source>The audio was saved, but the subtitles could not be downloaded ({0}).</source>
            <translation>音频已保存，但字幕无法下载（{0}）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="183" />
            <source>Nothing was sent: the task could not be recorded in the task library in {0} ({1}), and a paid task without a record could be lost. Free some space or make the folder writable, then try again.</source>
            <translation>未发送任何请求：无法在 {0} 中的任务库里记录此任务（{1}），而没有记录的付费任务可能会丢失。请释放一些空间或使该文件夹可写，然后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="189" />
            <source>The result of task {0} could not be saved in {1} ({2}). It stays on the server for a while: free some space or make the folder writable, then restart the app to download it.</source>
            <translation>任务 {0} 的结果无法保存到 {1}（{2}）。它会在服务器上保留一段时间：请释放一些空间或使该文件夹可写，然后重新启动应用以下载它。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="195" />
            <source>The balance dropped by {0} right after: the task was probably created; look it up before sending again.</source>
            <translation>余额在请求后随即减少了 {0}：任务很可能已经创建；再次发送前请先查询。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/job_text.py" line="200" />
            <source>The balance was still {0} right after; that does not prove the task was not created, so look it up before sending again.</source>
            <translation>请求后余额仍为 {0}；这并不能证明任务没有创建，再次发送前请先查询。</translation>
        </message>
    </context>
    <context>
        <name>Languages</name>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="30" />
            <source>Automatic</source>
            <translation>自动识别</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="31" />
            <source>Chinese (Mandarin)</source>
            <translation>中文（普通话）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="32" />
            <source>Cantonese</source>
            <translation>粤语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="33" />
            <source>English</source>
            <translation>英语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="34" />
            <source>Arabic</source>
            <translation>阿拉伯语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="35" />
            <source>Russian</source>
            <translation>俄语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="36" />
            <source>Spanish</source>
            <translation>西班牙语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="37" />
            <source>French</source>
            <translation>法语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="38" />
            <source>Portuguese</source>
            <translation>葡萄牙语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="39" />
            <source>German</source>
            <translation>德语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="40" />
            <source>Turkish</source>
            <translation>土耳其语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="41" />
            <source>Dutch</source>
            <translation>荷兰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="42" />
            <source>Ukrainian</source>
            <translation>乌克兰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="43" />
            <source>Vietnamese</source>
            <translation>越南语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="44" />
            <source>Indonesian</source>
            <translation>印度尼西亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="45" />
            <source>Japanese</source>
            <translation>日语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="46" />
            <source>Italian</source>
            <translation>意大利语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="47" />
            <source>Korean</source>
            <translation>韩语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="48" />
            <source>Thai</source>
            <translation>泰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="49" />
            <source>Polish</source>
            <translation>波兰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="50" />
            <source>Romanian</source>
            <translation>罗马尼亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="51" />
            <source>Greek</source>
            <translation>希腊语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="52" />
            <source>Czech</source>
            <translation>捷克语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="53" />
            <source>Finnish</source>
            <translation>芬兰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="54" />
            <source>Hindi</source>
            <translation>印地语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="55" />
            <source>Bulgarian</source>
            <translation>保加利亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="56" />
            <source>Danish</source>
            <translation>丹麦语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="57" />
            <source>Hebrew</source>
            <translation>希伯来语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="58" />
            <source>Malay</source>
            <translation>马来语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="59" />
            <source>Persian</source>
            <translation>波斯语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="60" />
            <source>Slovak</source>
            <translation>斯洛伐克语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="61" />
            <source>Swedish</source>
            <translation>瑞典语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="62" />
            <source>Croatian</source>
            <translation>克罗地亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="63" />
            <source>Filipino</source>
            <translation>菲律宾语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="64" />
            <source>Hungarian</source>
            <translation>匈牙利语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="65" />
            <source>Norwegian</source>
            <translation>挪威语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="66" />
            <source>Slovenian</source>
            <translation>斯洛文尼亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="67" />
            <source>Catalan</source>
            <translation>加泰罗尼亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="68" />
            <source>Norwegian Nynorsk</source>
            <translation>新挪威语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="69" />
            <source>Tamil</source>
            <translation>泰米尔语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="70" />
            <source>Afrikaans</source>
            <translation>南非荷兰语</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../soundclone_desktop/i18n.py" line="110" />
            <location filename="../../soundclone_desktop/ui/main_window.py" line="124" />
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="226" />
            <source>SoundClone Desktop</source>
            <translation>SoundClone 声音克隆工作室</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="231" />
            <source>Open script…</source>
            <translation>打开文稿…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="234" />
            <source>Open a .txt or .md script file</source>
            <translation>打开 .txt 或 .md 文稿文件</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="236" />
            <source>Settings…</source>
            <translation>设置…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="241" />
            <source>API key, server, prices, defaults and language</source>
            <translation>API 密钥、服务器、价格、默认参数和界面语言</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="245" />
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="52" />
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="75" />
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="101" />
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="72" />
            <location filename="../../soundclone_desktop/ui/submit/duplicate_question.py" line="44" />
            <source>Generate speech</source>
            <translation>生成语音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="251" />
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="279" />
            <source>Voice and parameters</source>
            <translation>音色与参数</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="286" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="292" />
            <source>Player</source>
            <translation>播放器</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="443" />
            <source>You are using the built-in demo: a ready voice, fake money and synthetic audio. Connect your account in Settings when you are ready.</source>
            <translation>您正在使用内置演示：提供现成的音色、虚拟余额和合成音频。准备好后，可在“设置”中连接您的账号。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="514" />
            <source>Open script</source>
            <translation>打开文稿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="145" />
            <source>Getting the studio ready…</source>
            <translation>正在准备工作室…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="498" />
            <source>The new language applies the next time you start the app.</source>
            <translation>新的界面语言将在下次启动应用时生效。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="516" />
            <source>Scripts (*.txt *.md)</source>
            <translation>文稿 (*.txt *.md)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="516" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="404" />
            <source>Open Settings</source>
            <translation>打开设置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="503" />
            <source>Your API key is in use for this session. This computer has no credential store, so you will need to enter it again next time.</source>
            <translation>API 密钥已在本次会话中启用。这台电脑没有凭据存储，下次启动时需要重新输入。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/studio_frame.py" line="37" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/studio_frame.py" line="40" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/studio_frame.py" line="46" />
            <source>&amp;Voices</source>
            <translation>音色(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/studio_frame.py" line="48" />
            <source>&amp;View</source>
            <translation>视图(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="31" />
            <source>Cost unknown: enter your prices in Settings.</source>
            <translation>费用未知：请在“设置”中填写价格。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="46" />
            <source>This task will charge {0}.</source>
            <translation>此任务将扣费 {0}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="53" />
            <source>Generate · {0}</source>
            <translation>生成 · {0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="35" />
            <source>This task will charge {0}. Demo: no real money.</source>
            <translation>此任务将扣费 {0}。演示模式，不产生真实费用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="129" />
            <source>Sending…</source>
            <translation>正在发送…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="42" />
            <source>This task will charge {0} (at most {1}).</source>
            <translation>此任务将扣费 {0}（最多 {1}）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/bar.py" line="136" />
            <source>Send the script to the server ({0})</source>
            <translation>将文稿发送到服务器（{0}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/controller.py" line="133" />
            <source>A book is open: this renders the chapter in the editor as segments. The cost is shown before anything is sent.</source>
            <translation>已打开有声书：此操作会将编辑器中的章节分段渲染。发送任何内容之前会先显示费用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/controller.py" line="231" />
            <source>The task was not created.</source>
            <translation>任务未创建。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/duplicate_question.py" line="25" />
            <source>an amount this app cannot estimate (prices unknown)</source>
            <translation>无法估算的金额（价格未知）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/duplicate_question.py" line="27" />
            <source>The same script is already being generated — generate it again for {0}?</source>
            <translation>同一脚本正在生成中——要再生成一次并支付 {0} 吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/duplicate_question.py" line="32" />
            <source>The same script was sent at {1} — generate it again for {0}?</source>
            <translation>同一脚本已于 {1} 发送——要再生成一次并支付 {0} 吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/duplicate_question.py" line="52" />
            <source>Generate again</source>
            <translation>再次生成</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/duplicate_question.py" line="55" />
            <source>Don't send</source>
            <translation>不发送</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/duplicate_question.py" line="47" />
            <source>That task: {0}. Sending again creates a second task, charged again.</source>
            <translation>该任务：{0}。再次发送会创建第二个任务，并再次扣费。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/progress.py" line="79" />
            <source>Rendered the book · %1/%2 segments</source>
            <translation>全书已生成 · %1/%2 个片段</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/progress.py" line="57" />
            <source>Book render paused · %1/%2 segments</source>
            <translation>书籍生成已暂停 · %1/%2 个分段</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/progress.py" line="61" />
            <source>Rendering book · %1/%2 segments</source>
            <translation>正在生成书籍 · %1/%2 个分段</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/submit/progress.py" line="165" />
            <source>Tasks generating: %n</source>
            <translation>
                <numerusform>正在生成的任务：%n</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/submit/progress.py" line="63" />
            <source>Rendering book · %1/%2 segments · ~%n s left</source>
            <translation>
                <numerusform>正在生成书籍 · %1/%2 个分段 · 约剩 %n 秒</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/submit/progress.py" line="67" />
            <source>Rendering book · %1/%2 segments · ~%n min left</source>
            <translation>
                <numerusform>正在生成书籍 · %1/%2 个分段 · 约剩 %n 分钟</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/results.py" line="63" />
            <source>Your audio is ready. Press Play to listen.</source>
            <translation>音频已生成。点击“播放”即可收听。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/window_layout.py" line="50" />
            <source>Reset layout</source>
            <translation>重置布局</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/window_layout.py" line="53" />
            <source>Put every pane back where it was when the studio was new</source>
            <translation>把所有面板放回初始位置</translation>
        </message>
    </context>
    <context>
        <name>MakePermanent</name>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/make_permanent.py" line="70" />
            <source>Make the voice permanent</source>
            <translation>将声音设为永久</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/make_permanent.py" line="96" />
            <source>Submit</source>
            <translation>提交</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/make_permanent.py" line="147" />
            <source>Make it permanent</source>
            <translation>设为永久</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/make_permanent.py" line="185" />
            <source>Connect to the server first (Settings › Account).</source>
            <translation>请先连接服务器（设置 › 账户）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/make_permanent.py" line="74" />
            <source>The cost is unknown: enter your prices in Settings › Prices. It is one voice fee plus {count} characters.</source>
            <translation>费用未知：请在 设置 › 价格 中填写价格。费用为一次声音费加 {count} 个字符。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/make_permanent.py" line="80" />
            <source>Estimated cost: {cost} (voice fee included).</source>
            <translation>预计费用：{cost}（含声音费）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/make_permanent.py" line="84" />
            <source>To keep “{name}” for good, the app synthesises one short line with it: “{line}”. The first successful synthesis makes a voice permanent.</source>
            <translation>为永久保留“{name}”，应用会用它合成一句短语：“{line}”。首次成功合成即可使声音永久有效。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/make_permanent.py" line="141" />
            <source>The voice “{name}” expires in {left} unless it is used once. Use it now to keep it.</source>
            <translation>声音“{name}”将在 {left} 后过期，除非使用一次。现在使用即可保留。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/make_permanent.py" line="194" />
            <source>“{name}” is now permanent.</source>
            <translation>“{name}”现已永久有效。</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="../../soundclone_desktop/ui/common/message_bar.py" line="46" />
            <source>Dismiss this message</source>
            <translation>关闭此消息</translation>
        </message>
    </context>
    <context>
        <name>ParametersPanel</name>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="15" />
            <source>Neutral</source>
            <translation>平静</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="16" />
            <source>Happy</source>
            <translation>开心</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="17" />
            <source>Sad</source>
            <translation>悲伤</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="18" />
            <source>Angry</source>
            <translation>愤怒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="19" />
            <source>Fearful</source>
            <translation>害怕</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="20" />
            <source>Disgusted</source>
            <translation>厌恶</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/labels.py" line="21" />
            <source>Surprised</source>
            <translation>惊讶</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="125" />
            <source>Reset to defaults</source>
            <translation>恢复默认值</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="128" />
            <source>Set every value except the voice back to its default</source>
            <translation>将除音色外的所有参数恢复为默认值</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="265" />
            <source>Voice</source>
            <translation>音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="267" />
            <source>Choose a voice</source>
            <translation>选择音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="269" />
            <source>The cloned voice that speaks the script. Choose “Enter a voice ID…” to paste the ID of a voice created elsewhere.</source>
            <translation>用于朗读文稿的克隆音色。选择“输入音色 ID…”可粘贴在别处创建的音色 ID。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="275" />
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="214" />
            <source>Enter a voice ID…</source>
            <translation>输入音色 ID…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="283" />
            <source>Voice ID</source>
            <translation>音色 ID</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="285" />
            <source>Paste a voice ID</source>
            <translation>粘贴音色 ID</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="287" />
            <source>Paste a voice ID, then press Enter</source>
            <translation>粘贴音色 ID，然后按回车</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="293" />
            <source>Use</source>
            <translation>使用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="306" />
            <source>Voice:</source>
            <translation>音色：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="313" />
            <source>{version} ({count} languages)</source>
            <translation>{version}（{count} 种语言）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="318" />
            <source>Model version. v2 speaks 40 languages and can detect the language automatically; v1 speaks 24 languages.</source>
            <translation>模型版本。v2 支持 40 种语言并可自动识别语言；v1 支持 24 种语言。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="325" />
            <source>Model:</source>
            <translation>模型：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="329" />
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="331" />
            <source>The language of the script. “Automatic” is available with model v2 only.</source>
            <translation>文稿的语言。“自动识别”仅适用于 v2 模型。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="344" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="352" />
            <source>The feeling the voice speaks with</source>
            <translation>朗读时的情绪</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="355" />
            <source>Emotion:</source>
            <translation>情绪：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="364" />
            <source>Speed (× normal):</source>
            <translation>语速（倍）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="375" />
            <source>Volume (× normal):</source>
            <translation>音量（倍）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="386" />
            <source> st</source>
            <comment>semitones suffix</comment>
            <translation> 半音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="392" />
            <source>Pitch (semitones):</source>
            <translation>音调（半音）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="413" />
            <source>{field}: {note}</source>
            <translation>{field}：{note}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="452" />
            <source>Create subtitles</source>
            <translation>生成字幕</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="455" />
            <source>Also produce a subtitle file with the audio</source>
            <translation>同时生成与音频配套的字幕文件</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="460" />
            <source>Subtitle level</source>
            <translation>字幕级别</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="463" />
            <source>Sentence</source>
            <translation>按句</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="466" />
            <source>Word</source>
            <translation>按字词</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="469" />
            <source>Sentence: one subtitle per sentence. Word: timing for every word.</source>
            <translation>按句：每句一条字幕。按字词：每个字词都有时间信息。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="478" />
            <source>Subtitles:</source>
            <translation>字幕：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="524" />
            <source>Model v1 cannot detect the language, so it is set to {language}.</source>
            <translation>v1 模型无法自动识别语言，因此已设为{language}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="528" />
            <source>{previous} needs model v2, so the language is set to {language}.</source>
            <translation>{previous}需要 v2 模型，因此语言已设为{language}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="365" />
            <source>Speaking speed from {low} (slow) to {high} (fast); 1 is normal.</source>
            <translation>语速范围 {low}（慢）到 {high}（快）；1 为正常语速。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="376" />
            <source>Volume from {lowest} to {high}; 1 is normal. The service does not accept {low}, so {lowest} is the lowest setting.</source>
            <translation>音量范围 {lowest} 到 {high}；1 为正常音量。服务不接受 {low}，因此最低为 {lowest}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/panel.py" line="393" />
            <source>Pitch in whole semitones from {low} to {high}; 0 is the voice's own pitch.</source>
            <translation>音调以整半音为单位，范围 {low} 到 {high}；0 为音色本来的音调。</translation>
        </message>
    </context>
    <context>
        <name>Player</name>
        <message>
            <location filename="../../soundclone_desktop/ui/player/messages.py" line="32" />
            <source>The audio could not be played.</source>
            <translation>无法播放该音频。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/messages.py" line="36" />
            <source>Audio playback is not available on this system (QtMultimedia backend missing)</source>
            <translation>此系统无法播放音频（缺少 QtMultimedia 后端）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/messages.py" line="43" />
            <source>No sound device was found, so playback is silent. Connect speakers or headphones and press Play again.</source>
            <translation>未找到声音设备，因此播放没有声音。请连接扬声器或耳机，然后再次点击“播放”。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/messages.py" line="15" />
            <source>This audio file could not be played: it may be damaged.</source>
            <translation>无法播放该音频文件：文件可能已损坏。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/messages.py" line="19" />
            <source>This audio file could not be opened. It may have been moved or deleted; use Show in folder to look for it.</source>
            <translation>无法打开该音频文件。它可能已被移动或删除；请用“在文件夹中显示”查找它。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/messages.py" line="25" />
            <source>This audio file could not be read: permission was denied.</source>
            <translation>无法读取该音频文件：没有访问权限。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/messages.py" line="29" />
            <source>The audio could not be loaded because of a network problem.</source>
            <translation>由于网络问题，无法加载音频。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="161" />
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="393" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="162" />
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="391" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="573" />
            <source>Saved to {path}.</source>
            <translation>已保存到 {path}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="125" />
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="134" />
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="142" />
            <source>Export…</source>
            <translation>导出…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="144" />
            <source>Save audio and subtitles in another format</source>
            <translation>将音频和字幕另存为其他格式</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="169" />
            <source>Position</source>
            <translation>播放位置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="183" />
            <source>Volume</source>
            <translation>音量</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="490" />
            <source>No audio loaded</source>
            <translation>尚未加载音频</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="564" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="480" />
            <source>Volume: {percent} %</source>
            <translation>音量：{percent}%</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="587" />
            <source>The folder could not be opened: {path}</source>
            <translation>无法打开文件夹：{path}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/saving.py" line="62" />
            <source>The audio could not be saved to {path}: {reason}. Choose another folder or name.</source>
            <translation>无法将音频保存到 {path}：{reason}。请选择其他文件夹或文件名。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/saving.py" line="23" />
            <source>Save audio as</source>
            <translation>音频另存为</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/saving.py" line="30" />
            <source>{kind} audio (*.{suffix})</source>
            <translation>{kind} 音频 (*.{suffix})</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/saving.py" line="57" />
            <source>that is the file itself</source>
            <translation>目标就是源文件本身</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/saving.py" line="34" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform.py" line="88" />
            <source>Waveform</source>
            <translation>波形</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform.py" line="431" />
            <source>Loading waveform…</source>
            <translation>正在加载波形…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform.py" line="433" />
            <source>Waveform not available</source>
            <translation>无法显示波形</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform.py" line="435" />
            <source>No audio</source>
            <translation>没有音频</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform_input.py" line="61" />
            <source>Click, or use the Left and Right arrow keys, to move through the audio.</source>
            <translation>点击波形，或使用左右方向键，在音频中移动。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform_input.py" line="66" />
            <source>Zoom {0}×, showing {1} to {2} of {3}. Ctrl+= and Ctrl+- zoom, Ctrl+0 shows it all, F follows the play cursor.</source>
            <translation>缩放 {0}×，显示 {3} 中的 {1} 至 {2}。Ctrl+= 和 Ctrl+- 缩放，Ctrl+0 显示全部，F 跟随播放光标。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform_scroll.py" line="20" />
            <source>Scroll the waveform</source>
            <translation>滚动波形</translation>
        </message>
    </context>
    <context>
        <name>ProblemText</name>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="59" />
            <source>Write a pause as &lt;#seconds#&gt; from 0.01 to 99.99, for example &lt;#0.5#&gt;.</source>
            <translation>停顿写作 &lt;#秒数#&gt;，范围 0.01 到 99.99，例如 &lt;#0.5#&gt;。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="151" />
            <source>There is nothing to say yet. Type what the voice should say.</source>
            <translation>还没有要朗读的内容。请输入要朗读的文字。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="37" />
            <source>The pause marker {marker} is not closed with #&gt;.</source>
            <translation>停顿标记 {marker} 缺少结尾的 #&gt;。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="38" />
            <source>The pause marker {marker} has no number of seconds in it.</source>
            <translation>停顿标记 {marker} 中没有秒数。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="39" />
            <source>The pause marker {marker} contains spaces.</source>
            <translation>停顿标记 {marker} 中含有空格。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="40" />
            <source>The pause marker {marker} uses a comma; use a dot for decimals.</source>
            <translation>停顿标记 {marker} 使用了逗号；小数请用英文句点。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="41" />
            <source>The pause marker {marker} has a unit; write the number of seconds only.</source>
            <translation>停顿标记 {marker} 带有单位；只需填写秒数。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="42" />
            <source>The pause marker {marker} is negative.</source>
            <translation>停顿标记 {marker} 为负数。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="43" />
            <source>The pause marker {marker} is longer than the 99.99-second maximum.</source>
            <translation>停顿标记 {marker} 超过了 99.99 秒的上限。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="44" />
            <source>The pause marker {marker} has more than two decimal places.</source>
            <translation>停顿标记 {marker} 的小数超过两位。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="45" />
            <source>The pause marker {marker} is not written as the service expects.</source>
            <translation>停顿标记 {marker} 的写法不符合服务要求。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="46" />
            <source>{marker} is not a valid pause marker: it needs a number of seconds.</source>
            <translation>{marker} 不是有效的停顿标记：需要填写秒数。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="101" />
            <source>{count} pause markers follow each other; the service does not allow consecutive pauses. Merge them into one: {suggestion} (capped at 99.99).</source>
            <translation>{count} 个停顿标记连在一起；服务不允许连续停顿。请合并为一个：{suggestion}（上限 99.99）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="107" />
            <source>{count} pause markers follow each other; the service does not allow consecutive pauses. Merge them into one: {suggestion}.</source>
            <translation>{count} 个停顿标记连在一起；服务不允许连续停顿。请合并为一个：{suggestion}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="118" />
            <source>The pause marker {marker} has only punctuation or symbols before it; a pause works best between two spoken words.</source>
            <translation>停顿标记 {marker} 前面只有标点或符号；停顿最好放在两段要朗读的文字之间。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="123" />
            <source>The pause marker {marker} has only punctuation or symbols after it; a pause works best between two spoken words.</source>
            <translation>停顿标记 {marker} 后面只有标点或符号；停顿最好放在两段要朗读的文字之间。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="128" />
            <source>The pause marker {marker} has only punctuation or symbols on either side of it; a pause works best between two spoken words.</source>
            <translation>停顿标记 {marker} 两侧只有标点或符号；停顿最好放在两段要朗读的文字之间。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="23" />
            <source>“{text}”</source>
            <translation>“{text}”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="70" />
            <source>The pause marker {marker} lasts {seconds} seconds; a pause must last {min} to {max} seconds. Did you mean {suggestion}?</source>
            <translation>停顿标记 {marker} 为 {seconds} 秒；停顿必须在 {min} 到 {max} 秒之间。您是想写 {suggestion} 吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="84" />
            <source>The pause marker {marker} is at the start of the text; a pause must sit between two pieces of text. Remove it.</source>
            <translation>停顿标记 {marker} 位于文稿开头；停顿必须位于两段文字之间。请删除它。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="92" />
            <source>The pause marker {marker} is at the end of the text; a pause must sit between two pieces of text. Remove it.</source>
            <translation>停顿标记 {marker} 位于文稿末尾；停顿必须位于两段文字之间。请删除它。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="138" />
            <source>The text is {length} characters long; the limit is {limit} (pause markers included). Remove {excess} characters.</source>
            <translation>文稿共 {length} 个字符；上限为 {limit}（含停顿标记）。请删除 {excess} 个字符。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="188" />
            <source>Fix: replace with {suggestion}</source>
            <translation>修复：替换为 {suggestion}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="195" />
            <source>Pause of {seconds} s</source>
            <translation>停顿 {seconds} 秒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="56" />
            <source>Did you mean {suggestion}?</source>
            <translation>您是想写 {suggestion} 吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problem_text.py" line="185" />
            <source>Fix: remove {text}</source>
            <translation>修复：删除 {text}</translation>
        </message>
    </context>
    <context>
        <name>ProblemsList</name>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problems_list.py" line="35" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problems_list.py" line="87" />
            <source>No problems</source>
            <translation>没有问题</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problems_list.py" line="109" />
            <source>Show in script</source>
            <translation>在文稿中显示</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/problems_list.py" line="63" />
            <source>Line {line}: {message}</source>
            <translation>第 {line} 行：{message}</translation>
        </message>
    </context>
    <context>
        <name>Projects</name>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/attach.py" line="23" />
            <source>Project notes</source>
            <translation>项目备注</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/attach.py" line="25" />
            <source>Notes about this project: saved with it, never sent to the server.</source>
            <translation>此项目的备注：随项目保存，不会发送到服务器。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/attach.py" line="36" />
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="43" />
            <source>Unsaved changes</source>
            <translation>未保存的更改</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="43" />
            <source>Tasks running</source>
            <translation>任务进行中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="48" />
            <source>Close while tasks are still being generated?</source>
            <translation>仍有任务在生成，确定要关闭吗？</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="52" />
            <source>Tasks still being generated: %n. They keep running on the server and are charged as usual; the app follows them again and downloads the results the next time it starts.</source>
            <translation>
                <numerusform>仍在生成的任务：%n 个。它们会在服务器上继续运行并照常扣费；下次启动时，应用会继续跟踪并下载结果。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="62" />
            <source>If you do not save, your changes are lost.</source>
            <translation>如果不保存，您的更改将会丢失。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="67" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="70" />
            <source>Close without saving</source>
            <translation>不保存并关闭</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="72" />
            <source>Discard changes</source>
            <translation>放弃更改</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="79" />
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/closing.py" line="46" />
            <source>Save the changes to “%1”?</source>
            <translation>要保存对“%1”的更改吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="136" />
            <source>New Project</source>
            <translation>新建项目</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="139" />
            <source>Open Project…</source>
            <translation>打开项目…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="141" />
            <source>Open Recent</source>
            <translation>最近打开</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="145" />
            <source>Save Project</source>
            <translation>保存项目</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="149" />
            <source>Save Project As…</source>
            <translation>项目另存为…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="154" />
            <source>Save Script as Text…</source>
            <translation>将文稿另存为文本…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="157" />
            <source>Save the script alone as a plain UTF-8 .txt file</source>
            <translation>仅将文稿保存为 UTF-8 纯文本 .txt 文件</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="190" />
            <source>Untitled</source>
            <translation>未命名</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="293" />
            <source>Restored the script you were writing. Save it to keep it.</source>
            <translation>已恢复您正在编写的文稿。请保存以保留它。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="357" />
            <source>Open project</source>
            <translation>打开项目</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="417" />
            <source>Save project</source>
            <translation>保存项目</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="463" />
            <source>Save script as text</source>
            <translation>将文稿另存为文本</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="523" />
            <source>Clear Menu</source>
            <translation>清除列表</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="360" />
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="421" />
            <source>SoundClone projects (*.scproj)</source>
            <translation>SoundClone 项目 (*.scproj)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="360" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="466" />
            <source>Text files (*.txt)</source>
            <translation>文本文件 (*.txt)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="519" />
            <source>No recent projects</source>
            <translation>没有最近的项目</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="447" />
            <source>Saved “%1”</source>
            <translation>已保存“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="484" />
            <source>Saved the script as “%1”</source>
            <translation>已将文稿保存为“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/controller.py" line="395" />
            <source>Opened “%1”</source>
            <translation>已打开“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="18" />
            <source>“%1” could not be found. It may have been moved or deleted.</source>
            <translation>找不到“%1”，它可能已被移动或删除。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="21" />
            <source>You do not have permission to read “%1”.</source>
            <translation>您没有读取“%1”的权限。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="22" />
            <source>“%1” is a folder, not a project file.</source>
            <translation>“%1”是文件夹，不是项目文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="23" />
            <source>“%1” is too large to be a SoundClone project (more than 4 MB).</source>
            <translation>“%1”太大，不是 SoundClone 项目（超过 4 MB）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="26" />
            <source>“%1” holds a script of %2 characters; a project holds at most 2,000,000. Split it into several projects with a text editor.</source>
            <translation>“%1”中的脚本有 %2 个字符；一个项目最多 2,000,000 个字符。请用文本编辑器把它拆分成几个项目。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="31" />
            <source>“%1” could not be read: %2</source>
            <translation>无法读取“%1”：%2</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="32" />
            <source>“%1” is not a SoundClone project. To use a plain text file, choose File → Open script… instead.</source>
            <translation>“%1”不是 SoundClone 项目。如需使用纯文本文件，请改用“文件 → 打开文稿…”。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="37" />
            <source>“%1” was saved by a newer version of SoundClone Desktop. Update the app to open it.</source>
            <translation>“%1”是由更新版本的 SoundClone Desktop 保存的。请更新应用后再打开。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="61" />
            <source>Opened “%1”. Its notes held broken characters that cannot be saved; they now show as “�”. The file itself is unchanged until you save it.</source>
            <translation>已打开“%1”。其中的备注含有无法保存的损坏字符，现显示为“�”。在您保存之前，文件本身不会改变。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="67" />
            <source>Opened “%1”. Its script held broken characters that cannot be saved (the first at line %2, column %3); they now show as “�”. The file itself is unchanged until you save it.</source>
            <translation>已打开“%1”。其中的脚本含有无法保存的损坏字符（第一个位于第 %2 行第 %3 列），现显示为“�”。在您保存之前，文件本身不会改变。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="48" />
            <source>Opened “%1”, but some values in it could not be used and were set to their defaults: %2.</source>
            <translation>已打开“%1”，但其中部分值无法使用，已改为默认值：%2。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/texts.py" line="79" />
            <source>“%1” could not be saved: %2. Your work is still in the editor; save it in another folder (File → Save Project As…).</source>
            <translation>无法保存“%1”：%2。您的内容仍在编辑器中；请保存到其他文件夹（文件 → 项目另存为…）。</translation>
        </message>
    </context>
    <context>
        <name>PronunciationRules</name>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rule_listen.py" line="95" />
            <source>Listen with This Rule</source>
            <translation>试听此规则</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rule_listen.py" line="96" />
            <source>Send this sentence as one task with the rule, and play it?</source>
            <translation>用此规则把这句话作为一个任务发送并播放吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rule_listen.py" line="129" />
            <source>Sending the sentence with the rule…</source>
            <translation>正在按规则发送这句话…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rule_listen.py" line="86" />
            <source>Connect to a server to listen to a rule.</source>
            <translation>请先连接服务器，再试听规则。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rule_listen.py" line="107" />
            <source>Send · %1</source>
            <translation>发送 · %1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rule_listen.py" line="79" />
            <source>The rule “%1” changes nothing in this book.</source>
            <translation>规则“%1”不会改变本书中的任何内容。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rule_listen.py" line="135" />
            <source>The sentence with the rule could not be made: %1</source>
            <translation>按规则生成这句话失败：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rule_listen.py" line="144" />
            <source>With the rule: %1</source>
            <translation>按规则：%1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rule_listen.py" line="98" />
            <source>Sent: “%1”
Cost: %2 (%3 characters and one voice fee). No take is added to the book.</source>
            <translation>发送：“%1”
费用：%2（%3 个字符和一次音色费）。不会向书中添加录音版本。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules.py" line="48" />
            <source>Pronunciation Rules…</source>
            <translation>发音规则…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules.py" line="51" />
            <source>Words to send differently from how they are written</source>
            <translation>发送时与书面写法不同的词语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules.py" line="110" />
            <source>Read “%1” as…</source>
            <translation>“%1”读作…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules.py" line="82" />
            <source>Sent as “%1” (pronunciation rule)</source>
            <translation>发送为“%1”（发音规则）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules.py" line="120" />
            <source>Send “%1” for “%2” (%3)</source>
            <translation>把“%2”发送为“%1”（%3）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="50" />
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="95" />
            <source>Word or phrase</source>
            <translation>词语或短语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="49" />
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="96" />
            <source>Send instead</source>
            <translation>改为发送</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="321" />
            <source>“%1” → “%2” · places: %n.</source>
            <translation>
                <numerusform>“%1” → “%2” · 涉及 %n 处。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="322" />
            <source>Segments to render again: %1 now, %2 with this rule.</source>
            <translation>需要重新生成的片段：目前 %1 个，加上此规则后 %2 个。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="66" />
            <source>Pronunciation Rules</source>
            <translation>发音规则</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="83" />
            <source>The text keeps what is written; a rule changes only what is sent to the voice. Earlier rules win where two overlap.</source>
            <translation>正文保持原样；规则只改变发送给音色的文字。两条规则重叠时，靠前的规则优先。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="114" />
            <source>行长, LV, Dr\.? (\w+)</source>
            <translation>行长, LV, Dr\.? (\w+)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="117" />
            <source>航长, Level, Doctor \1</source>
            <translation>航长, Level, Doctor \1</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="118" />
            <source>Regular expression</source>
            <translation>正则表达式</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="119" />
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="94" />
            <source>On</source>
            <translation>启用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="123" />
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="220" />
            <source>Whole book</source>
            <translation>整本书</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="140" />
            <source>Word or phrase:</source>
            <translation>词语或短语：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="141" />
            <source>Send instead:</source>
            <translation>改为发送：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="142" />
            <source>Scope:</source>
            <translation>范围：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="153" />
            <source>Add</source>
            <translation>添加</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="155" />
            <source>Save Changes</source>
            <translation>保存修改</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="157" />
            <source>Remove</source>
            <translation>删除</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="159" />
            <source>Listen with This Rule…</source>
            <translation>试听此规则…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="162" />
            <source>Send one sentence with this rule as a small task, and play it</source>
            <translation>用此规则把一句话作为一个小任务发送，并播放结果</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="214" />
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="97" />
            <source>Regex</source>
            <translation>正则</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="98" />
            <source>Scope</source>
            <translation>范围</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="126" />
            <source>Chapter “%1” only</source>
            <translation>仅章节“%1”</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/book/rules_dialog.py" line="316" />
            <source>Segments to render again for the rules to be heard: %1</source>
            <translation>需要重新生成才能听到规则效果的片段：%1</translation>
        </message>
    </context>
    <context>
        <name>RangeSpin</name>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/range_spin.py" line="95" />
            <source>{typed} is outside the range {low} to {high}, so it was set to {value}.</source>
            <translation>{typed} 超出了 {low} 到 {high} 的范围，因此已设为 {value}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/range_spin.py" line="99" />
            <source>{typed} was rounded to {value}.</source>
            <translation>{typed} 已四舍五入为 {value}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/parameters/range_spin.py" line="86" />
            <source>“{typed}” is not a number from {low} to {high}, so it stays {value}.</source>
            <translation>“{typed}”不是 {low} 到 {high} 之间的数字，因此仍为 {value}。</translation>
        </message>
    </context>
    <context>
        <name>RecoveryBar</name>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/recovery.py" line="37" />
            <source>Restore</source>
            <translation>恢复</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/recovery.py" line="39" />
            <source>Discard</source>
            <translation>放弃</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/recovery.py" line="55" />
            <source>Restore the script you were writing?</source>
            <translation>要恢复您正在编写的文稿吗？</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/recovery.py" line="57" />
            <source>Autosaved at %1 in “%2”, with changes that were not saved.</source>
            <translation>于 %1 自动保存自“%2”，包含尚未保存的更改。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/projects/recovery.py" line="60" />
            <source>Autosaved at %1, never saved.</source>
            <translation>于 %1 自动保存，从未保存过。</translation>
        </message>
    </context>
    <context>
        <name>ScriptEditor</name>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/editor.py" line="325" />
            <source>Insert pause</source>
            <translation>插入停顿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/editor.py" line="329" />
            <source>Insert a pause at the cursor (Ctrl+Shift+P); merges with a pause next to it</source>
            <translation>在光标处插入停顿（Ctrl+Shift+P）；与相邻的停顿自动合并</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/editor.py" line="349" />
            <source>Type or paste your script. Use Insert pause (Ctrl+Shift+P) to add a silence.</source>
            <translation>输入或粘贴文稿。使用“插入停顿”（Ctrl+Shift+P）添加静音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/editor.py" line="354" />
            <source>Script</source>
            <translation>文稿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/pause_controls.py" line="40" />
            <source> s</source>
            <comment>seconds suffix</comment>
            <translation> 秒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/pause_controls.py" line="43" />
            <source>Length of the pause to insert: 0.01 to 99.99 seconds</source>
            <translation>要插入的停顿时长：0.01 到 99.99 秒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/pause_controls.py" line="46" />
            <source>Pause length in seconds</source>
            <translation>停顿时长（秒）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/pause_controls.py" line="50" />
            <source>Quick:</source>
            <translation>快捷：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/pause_controls.py" line="62" />
            <source>{seconds} s</source>
            <translation>{seconds} 秒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/pause_controls.py" line="64" />
            <source>Insert a {seconds}-second pause</source>
            <translation>插入 {seconds} 秒的停顿</translation>
        </message>
    </context>
    <context>
        <name>ScriptEditorPanel</name>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/panel.py" line="116" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/panel.py" line="114" />
            <source>Problems ({count})</source>
            <translation>问题（{count}）</translation>
        </message>
    </context>
    <context>
        <name>ScriptFile</name>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="46" />
            <source>“{name}” is not a script file. Open a .txt or .md file.</source>
            <translation>“{name}”不是文稿文件。请打开 .txt 或 .md 文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="86" />
            <source>“{name}” is not readable text. Save it as UTF-8 (or GB18030) plain text and open it again.</source>
            <translation>“{name}”不是可读的文本。请另存为 UTF-8（或 GB18030）纯文本后重新打开。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="54" />
            <source>“{name}” is too large for a script ({size} KB). A request holds at most 9,999 characters; split the file and open one part.</source>
            <translation>“{name}”作为文稿过大（{size} KB）。每个请求最多 9,999 个字符；请拆分文件后打开其中一部分。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="63" />
            <source>“{name}” could not be found. It may have been moved or deleted.</source>
            <translation>找不到“{name}”。它可能已被移动或删除。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="69" />
            <source>You do not have permission to read “{name}”.</source>
            <translation>您没有读取“{name}”的权限。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="75" />
            <source>“{name}” is a folder, not a file.</source>
            <translation>“{name}”是文件夹，不是文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="79" />
            <source>“{name}” could not be read: {reason}</source>
            <translation>无法读取“{name}”：{reason}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="55" />
            <source>You are using the demo server on this computer, which needs no key. The server and API key below are for your JimmyAI account.</source>
            <translation>您正在使用本机上的演示服务器，无需密钥。下方的服务器和 API 密钥用于您的 JimmyAI 账号。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="79" />
            <source>Custom address</source>
            <translation>自定义地址</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="90" />
            <source>Paste your API key here</source>
            <translation>在此粘贴您的 API 密钥</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="97" />
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="224" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="98" />
            <source>Show or hide the API key</source>
            <translation>显示或隐藏 API 密钥</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="109" />
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="121" />
            <source>You find your API key on the API Keys page of your JimmyAI account.</source>
            <translation>API 密钥可在您的 JimmyAI 账号的“API 密钥”页面找到。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="131" />
            <source>Server:</source>
            <translation>服务器：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="132" />
            <source>Custom address:</source>
            <translation>自定义地址：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="133" />
            <source>API key:</source>
            <translation>API 密钥：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="166" />
            <source>Enter the custom server address, starting with https:// or http://.</source>
            <translation>请输入自定义服务器地址，以 https:// 或 http:// 开头。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="188" />
            <source>The key in the SOUNDCLONE_API_KEY environment variable is in use; it takes precedence over the key saved here.</source>
            <translation>当前使用的是环境变量 SOUNDCLONE_API_KEY 中的密钥，它优先于此处保存的密钥。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="235" />
            <source>Testing…</source>
            <translation>正在测试…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="210" />
            <source>The API key is stored in your system's credential store, never in a settings file.</source>
            <translation>API 密钥保存在系统的凭据存储中，绝不会写入设置文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="224" />
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="250" />
            <source>Connected. The key works.</source>
            <translation>连接成功，密钥有效。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="68" />
            <source>JimmyAI ({0})</source>
            <translation>JimmyAI（{0}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="74" />
            <source>ViralTok ({0})</source>
            <translation>ViralTok（{0}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="196" />
            <source>This computer has no credential store, so the API key is kept for this session only; you will need to enter it again next time.</source>
            <translation>这台电脑没有凭据存储，API 密钥只在本次会话中保留；下次需要重新输入。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="202" />
            <source>The system credential store could not be used, so the API key is kept for this session only.</source>
            <translation>无法使用系统凭据存储，API 密钥只在本次会话中保留。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="232" />
            <source>Enter an API key first.</source>
            <translation>请先输入 API 密钥。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/account.py" line="246" />
            <source>Connected. Available balance: {0}.</source>
            <translation>连接成功。可用余额：{0}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/dialog.py" line="64" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/dialog.py" line="74" />
            <source>Account</source>
            <translation>账号</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/dialog.py" line="75" />
            <source>Prices</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/dialog.py" line="76" />
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/dialog.py" line="90" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/dialog.py" line="92" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/general.py" line="33" />
            <source>Parameters for new scripts</source>
            <translation>新文稿的默认参数</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/general.py" line="40" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/general.py" line="48" />
            <source>Same as the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/general.py" line="55" />
            <source>A new language applies when the app restarts.</source>
            <translation>更改界面语言后，需重新启动应用才会生效。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/general.py" line="61" />
            <source>Results folder:</source>
            <translation>结果文件夹：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/general.py" line="62" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/general.py" line="74" />
            <source>Choose the results folder</source>
            <translation>选择结果文件夹</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="117" />
            <source>You are using the demo server, which charges its own pretend prices: {speech} per 10,000 characters of speech, {fee} per task and {preview} per 10,000 characters of voice preview. The prices below are for your JimmyAI account.</source>
            <translation>您正在使用演示服务器，它按自己的模拟价格计费：语音每 10,000 个字符 {speech}，每个任务 {fee}，声音试听每 10,000 个字符 {preview}。下方的价格用于您的 JimmyAI 账号。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="40" />
            <source>The service does not publish its prices. Copy them from your bill or your JimmyAI account so the app can show what each task will cost before you submit it. Leave a field empty if you do not know it.</source>
            <translation>服务商没有公开价格。请从账单或您的 JimmyAI 账号中抄录价格，这样应用才能在提交前显示每个任务的费用。不清楚的项目请留空。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="58" />
            <source>Exact (characters × price ÷ 10,000)</source>
            <translation>按实际字数（字符数 × 单价 ÷ 10,000）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="61" />
            <source>Whole blocks of 10,000 characters</source>
            <translation>按整块（每 10,000 字符一块）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="69" />
            <source>Speech, per 10,000 characters:</source>
            <translation>语音合成（每 10,000 字符）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="70" />
            <source>Voice fee, per task:</source>
            <translation>音色费（每个任务）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="71" />
            <source>Voice preview, per 10,000 characters:</source>
            <translation>音色试听（每 10,000 字符）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="72" />
            <source>Currency:</source>
            <translation>货币：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="73" />
            <source>Charging:</source>
            <translation>计费方式：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="83" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/prices.py" line="95" />
            <source>Enter prices as plain numbers, such as 20 or 0.5.</source>
            <translation>请以纯数字填写价格，例如 20 或 0.5。</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <location filename="../../soundclone_desktop/ui/help/shortcuts.py" line="74" />
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/shortcuts.py" line="87" />
            <location filename="../../soundclone_desktop/ui/help/shortcuts.py" line="91" />
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/shortcuts.py" line="90" />
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/help/shortcuts.py" line="90" />
            <source>Keys</source>
            <translation>按键</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <location filename="../../soundclone_desktop/ui/status_bar.py" line="44" />
            <source>Not connected: no API key</source>
            <translation>未连接：没有 API 密钥</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/status_bar.py" line="46" />
            <source>Enter your API key in Settings, or try the demo.</source>
            <translation>请在“设置”中输入 API 密钥，或试用演示。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/status_bar.py" line="58" />
            <source>Demo server (on this computer)</source>
            <translation>演示服务器（本机）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/status_bar.py" line="59" />
            <source>The built-in demo at {0}. Nothing is charged; results are synthetic.</source>
            <translation>内置演示服务器，地址 {0}。不会产生费用；结果为合成音频。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/status_bar.py" line="63" />
            <source>Connected to {0}</source>
            <translation>已连接 {0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/status_bar.py" line="64" />
            <source>Your JimmyAI account at {0}.</source>
            <translation>您在 {0} 的 JimmyAI 账号。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/status_bar.py" line="89" />
            <source>Balance: {0}</source>
            <translation>余额：{0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/status_bar.py" line="73" />
            <source>Reconnecting to {0}…</source>
            <translation>正在重新连接 {0}…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/status_bar.py" line="81" />
            <source>Cannot reach {0}</source>
            <translation>无法连接 {0}</translation>
        </message>
    </context>
    <context>
        <name>SubmitGate</name>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="40" />
            <source>Choose an emotion from the list.</source>
            <translation>请从列表中选择一种情绪。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="41" />
            <source>Choose model v1 or v2.</source>
            <translation>请选择 v1 或 v2 模型。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="42" />
            <source>Choose a language that the selected model supports (“Automatic” needs v2).</source>
            <translation>请选择所选模型支持的语言（“自动识别”需要 v2）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="45" />
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="77" />
            <source>Choose a voice first.</source>
            <translation>请先选择音色。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="47" />
            <source>Check the parameters.</source>
            <translation>请检查参数。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="54" />
            <source>Sending… wait for the server to confirm the task.</source>
            <translation>正在发送……请等待服务器确认任务。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="57" />
            <source>Not connected: enter your API key in Settings, or try the demo.</source>
            <translation>未连接：请在“设置”中输入 API 密钥，或试用演示。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="61" />
            <source>Write a script first.</source>
            <translation>请先输入文稿。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="31" />
            <source>The speed is out of range ({low} to {high}).</source>
            <translation>语速超出范围（{low} 到 {high}）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="34" />
            <source>The volume is out of range (more than {low}, up to {high}).</source>
            <translation>音量超出范围（大于 {low}，最大 {high}）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="37" />
            <source>The pitch must be a whole number from {low} to {high}.</source>
            <translation>音调必须是 {low} 到 {high} 之间的整数。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="72" />
            <source>Fix the problems marked in the script first (%n).</source>
            <translation>
                <numerusform>请先修正文稿中标出的问题（%n 处）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="74" />
            <source>Fix the problem marked in the script first.</source>
            <translation>请先修正文稿中标出的问题。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit/gate.py" line="64" />
            <source>The script is longer than the limit of {0} characters. Shorten it or split it.</source>
            <translation>文稿超过了 {0} 个字符的上限。请删减或拆分。</translation>
        </message>
    </context>
    <context>
        <name>TaskList</name>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="82" />
            <source>expected in ~%n min</source>
            <translation>
                <numerusform>预计约 %n 分钟后完成</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="53" />
            <source>Sending…</source>
            <translation>正在发送…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="54" />
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="55" />
            <source>Waiting in the queue</source>
            <translation>排队中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="56" />
            <source>Generating</source>
            <translation>生成中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="57" />
            <source>Downloading</source>
            <translation>下载中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="58" />
            <source>Ready</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="59" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="60" />
            <source>Unknown: check your account</source>
            <translation>状态不明：请查看账号</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="61" />
            <source>No longer waiting</source>
            <translation>已停止等待</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="79" />
            <source>any moment now</source>
            <translation>即将完成</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="81" />
            <source>expected in ~%n s</source>
            <translation>
                <numerusform>预计约 %n 秒后完成</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="134" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="136" />
            <source>Stop waiting</source>
            <translation>停止等待</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="139" />
            <source>Stop following this task. The server still finishes (and charges) it; the result will not be downloaded.</source>
            <translation>停止跟踪此任务。服务器仍会完成该任务（并扣费），但不会下载结果。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="145" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="147" />
            <source>Show file</source>
            <translation>显示文件</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="149" />
            <source>Open the folder that holds the audio file</source>
            <translation>打开音频文件所在的文件夹</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="89" />
            <source>took {0}</source>
            <translation>用时 {0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="121" />
            <source>Script</source>
            <translation>文稿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="122" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="123" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tasks/task_list.py" line="124" />
            <source>Cost</source>
            <translation>费用</translation>
        </message>
    </context>
    <context>
        <name>ThemeMenu</name>
        <message>
            <location filename="../../soundclone_desktop/ui/theme/menu.py" line="31" />
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/theme/menu.py" line="37" />
            <source>&amp;System</source>
            <translation>跟随系统(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/theme/menu.py" line="38" />
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/theme/menu.py" line="39" />
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/theme/menu.py" line="52" />
            <source>Follow the system's light or dark setting</source>
            <translation>跟随系统的浅色或深色设置</translation>
        </message>
    </context>
    <context>
        <name>Tour</name>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/bubble.py" line="53" />
            <source>Skip tour</source>
            <translation>跳过导览</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/bubble.py" line="55" />
            <location filename="../../soundclone_desktop/ui/tour/bubble.py" line="75" />
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/bubble.py" line="75" />
            <source>Done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="39" />
            <source>Welcome to the studio. &lt;#0.5#&gt; This is a sample script: change it, choose a voice, and press Generate to hear it.</source>
            <translation>欢迎来到工作室。&lt;#0.5#&gt;这是一段示例文稿：修改它，选择一个音色，然后点击“生成”来试听。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="52" />
            <source>Your script</source>
            <translation>您的文稿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="53" />
            <source>Write or paste what should be spoken. A sample is here to try: change it as you like.</source>
            <translation>在这里输入或粘贴要朗读的内容。这里有一段示例可以试用：随意修改。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="61" />
            <source>Pauses</source>
            <translation>停顿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="62" />
            <source>Put the cursor where a pause belongs and insert one: &lt;#0.5#&gt; is half a second. Pauses are not billed.</source>
            <translation>把光标放在需要停顿的位置并插入停顿：&lt;#0.5#&gt; 表示半秒。停顿不计费。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="70" />
            <source>The voice</source>
            <translation>音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="71" />
            <source>Choose who speaks. Voices › Browse voices lets you listen first, or clone your own voice.</source>
            <translation>选择由谁来朗读。“音色 › 浏览音色”可以先试听，也可以克隆您自己的声音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="79" />
            <source>The cost, before you pay</source>
            <translation>付费前先看费用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="80" />
            <source>Every change of the text or the settings updates the exact price here. The demo uses play money.</source>
            <translation>每次修改文字或设置，这里都会更新准确的价格。演示模式使用的是虚拟货币。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="88" />
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/tour/studio_tour.py" line="89" />
            <source>Press it, or Ctrl+Return. The result plays below, with its captions.</source>
            <translation>点击它，或按 Ctrl+Return。结果会在下方播放，并显示字幕。</translation>
        </message>
    </context>
    <context>
        <name>VoiceBrowser</name>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="49" />
            <source>Voices</source>
            <translation>音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="63" />
            <source>Search by name, language or tag</source>
            <translation>按名称、语言或标签搜索</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="65" />
            <source>Search voices</source>
            <translation>搜索音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="68" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="70" />
            <source>All voices</source>
            <translation>全部音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="71" />
            <source>Ready to use</source>
            <translation>可以使用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="72" />
            <source>Permanent</source>
            <translation>永久</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="73" />
            <source>Temporary</source>
            <translation>临时</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="74" />
            <source>Expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="135" />
            <source>No voices of your own yet. Clone one from a recording of the voice: the first card shows how.</source>
            <translation>还没有您自己的音色。用该声音的录音克隆一个：第一张卡片告诉您怎么做。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="145" />
            <source>No voice of this kind. Choose “All voices” to see the others.</source>
            <translation>没有这一类音色。选择“全部音色”查看其他音色。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser.py" line="143" />
            <source>No voice matches “{0}”.</source>
            <translation>没有与“{0}”匹配的音色。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser_entries.py" line="50" />
            <source>always available</source>
            <translation>始终可用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/browser_entries.py" line="51" />
            <source>demo</source>
            <translation>演示</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="102" />
            <source>Your own voice</source>
            <translation>您自己的声音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="57" />
            <source>Listen</source>
            <translation>试听</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="66" />
            <source>No preview clip was kept for this voice.</source>
            <translation>此音色没有保存试听片段。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="68" />
            <source>In use</source>
            <translation>使用中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="68" />
            <source>Use</source>
            <translation>使用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="73" />
            <source>This voice has expired: clone it again.</source>
            <translation>此音色已过期：请重新克隆。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="113" />
            <source>Clone a voice…</source>
            <translation>克隆音色…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="35" />
            <source>Voice {0}</source>
            <translation>音色 {0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="60" />
            <source>Listen to {0}</source>
            <translation>试听 {0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="70" />
            <source>Use {0}</source>
            <translation>使用 {0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/voice_card.py" line="108" />
            <source>From {0} to {1} seconds of clear speech by one person.</source>
            <translation>一个人清晰说话的 {0} 到 {1} 秒录音。</translation>
        </message>
    </context>
    <context>
        <name>VoiceLibrary</name>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/attach.py" line="205" />
            <source>The voice library could not be opened (see the log). Voices you clone now are kept only until the app closes.</source>
            <translation>无法打开声音库（详见日志）。现在克隆的声音只保留到应用关闭。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/attach.py" line="83" />
            <source>Voice library…</source>
            <translation>声音库…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/attach.py" line="86" />
            <source>Your cloned voices: status, names, tags, notes and previews</source>
            <translation>你克隆的声音：状态、名称、标签、备注和试听</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/attach.py" line="90" />
            <source>Browse voices…</source>
            <translation>浏览音色…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/attach.py" line="93" />
            <source>Every voice as a card: listen to it, then use it</source>
            <translation>每个音色一张卡片：先试听，再使用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/attach.py" line="150" />
            <location filename="../../soundclone_desktop/ui/voices/attach.py" line="160" />
            <source>Preview of “{name}”</source>
            <translation>“{name}”的试听</translation>
        </message>
    </context>
    <context>
        <name>VoiceLibraryDialog</name>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="66" />
            <source>Voice library</source>
            <translation>声音库</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="85" />
            <source>Filter by name, status, tag, source or ID</source>
            <translation>按名称、状态、标签、来源或 ID 筛选</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="121" />
            <source>Separate tags with commas</source>
            <translation>标签之间用逗号分隔</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="124" />
            <source>Notes: where the recording came from…</source>
            <translation>备注：录音的来源…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="126" />
            <source>Save changes</source>
            <translation>保存更改</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="129" />
            <source>Name:</source>
            <translation>名称：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="130" />
            <source>Tags:</source>
            <translation>标签：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="131" />
            <source>Notes:</source>
            <translation>备注：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="133" />
            <source>Play preview</source>
            <translation>播放试听</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="135" />
            <source>Copy ID</source>
            <translation>复制 ID</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="137" />
            <source>Make permanent…</source>
            <translation>设为永久…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="139" />
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="373" />
            <source>Remove “{name}” from the library? This only forgets it on this computer: the voice still exists on the server, and its ID keeps working.</source>
            <translation>要从声音库中移除“{name}”吗？这只会在本机上忘记它：该声音仍保留在服务器上，其 ID 仍然可用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="379" />
            <source>Remove “{name}” from the library? This only forgets it on this computer: the voice still exists on the server until it expires.</source>
            <translation>要从声音库中移除“{name}”吗？这只会在本机上忘记它：该声音在过期之前仍保留在服务器上。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="91" />
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="92" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="93" />
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="94" />
            <source>Created</source>
            <translation>创建时间</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="95" />
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="96" />
            <source>Voice ID</source>
            <translation>声音 ID</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="308" />
            <source>This voice has no preview clip on this computer.</source>
            <translation>本机上没有该声音的试听片段。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="323" />
            <source>Name: enter at least one character.</source>
            <translation>名称：请至少输入一个字符。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="387" />
            <source>Delete from library</source>
            <translation>从声音库删除</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="203" />
            <source>{status} (demo server)</source>
            <translation>{status}（演示服务器）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="358" />
            <source>Copied the ID of “{name}”.</source>
            <translation>已复制“{name}”的 ID。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/library_dialog.py" line="395" />
            <source>Removed “{name}” from the library.</source>
            <translation>已从声音库移除“{name}”。</translation>
        </message>
    </context>
    <context>
        <name>VoicePicker</name>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/picker.py" line="34" />
            <source>Demo narrator</source>
            <translation>演示旁白</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/picker.py" line="67" />
            <source>Less than a day left: use it once (or choose Make it permanent) to keep it.</source>
            <translation>剩余不到一天：使用一次（或选择“设为永久”）即可保留。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/picker.py" line="44" />
            <source>The demo server's ready voice: always available.</source>
            <translation>演示服务器自带的声音：始终可用。</translation>
        </message>
    </context>
    <context>
        <name>VoiceStatus</name>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="57" />
            <source>Entered by ID: this app does not know when it was cloned or whether it was used.</source>
            <translation>通过 ID 添加：本应用不知道它何时克隆，也不知道是否已使用过。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="24" />
            <source>temporary</source>
            <translation>临时</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="25" />
            <source>permanent</source>
            <translation>永久</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="26" />
            <source>expired</source>
            <translation>已过期</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="27" />
            <source>status unknown</source>
            <translation>状态未知</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="46" />
            <source>A new voice lasts 3 days. Your first successful synthesis with it makes it permanent; unused, it expires.</source>
            <translation>新克隆的声音有效期为 3 天。用它成功合成一次即可永久保留；未使用则会过期。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="52" />
            <source>Used successfully in production: the voice stays available.</source>
            <translation>已成功用于正式合成：该声音会一直可用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="54" />
            <source>The voice was not used within 3 days, or the server refused it: clone it again.</source>
            <translation>该声音未在 3 天内使用，或已被服务器拒绝：请重新克隆。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="19" />
            <source>{minutes} min</source>
            <translation>{minutes} 分钟</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="16" />
            <source>{days} d {hours} h</source>
            <translation>{days} 天 {hours} 小时</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="18" />
            <source>{hours} h {minutes} min</source>
            <translation>{hours} 小时 {minutes} 分钟</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/voices/status_text.py" line="38" />
            <source>temporary, {left} left</source>
            <translation>临时，剩余 {left}</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/welcome.py" line="22" />
            <source>Welcome to SoundClone Desktop</source>
            <translation>欢迎使用 SoundClone 声音克隆工作室</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/welcome.py" line="24" />
            <source>Turn your scripts into speech in your own cloned voice.</source>
            <translation>用您自己的克隆音色，把文稿变成语音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/welcome.py" line="33" />
            <source>To start, connect your JimmyAI account with its API key. You find the key on the API Keys page of your JimmyAI account.

No account yet? Try the built-in demo: it runs on this computer, needs no internet and costs nothing.</source>
            <translation>开始之前，请用 API 密钥连接您的 JimmyAI 账号。密钥可在您的 JimmyAI 账号的“API 密钥”页面找到。

还没有账号？试试内置演示：它在本机运行，无需联网，也不产生费用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/welcome.py" line="44" />
            <source>Enter API key…</source>
            <translation>输入 API 密钥…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings/welcome.py" line="47" />
            <source>Try the demo</source>
            <translation>试用演示</translation>
        </message>
    </context>
</TS>
