<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>Counter</name>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="40" />
            <location filename="../../soundclone_desktop/ui/money.py" line="14" />
            <source>JimiCoin</source>
            <translation>吉米币</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="103" />
            <source>1 billable character</source>
            <translation>1 个计费字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="121" />
            <source>Set prices in Settings to see the cost</source>
            <translation>在“设置”中填写价格即可查看费用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="125" />
            <source>Estimated cost: {total} {currency}, up to {upper} (incl. voice fee {fee})</source>
            <translation>预计费用：{total} {currency}，最多 {upper}（含音色费 {fee}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="130" />
            <source>Estimated cost: {total} {currency} (incl. voice fee {fee})</source>
            <translation>预计费用：{total} {currency}（含音色费 {fee}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="91" />
            <source>Prices are per 10,000 characters. If the service charges every started block of 10,000 characters in full, the cost is the higher figure.</source>
            <translation>价格按每 10,000 字符计算。如果服务按每个不足 10,000 字符的区块整块收费，费用为较高的数字。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="108" />
            <source>{count} / {limit} in request</source>
            <translation>请求 {count} / {limit}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="154" />
            <source>The service accepts at most 9,999 characters per request, pause markers included.</source>
            <translation>每个请求最多 9,999 个字符（含停顿标记）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="105" />
            <source>{count} billable characters</source>
            <translation>{count} 个计费字符</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/counter.py" line="113" />
            <source>{count} over the limit</source>
            <translation>超出 {count} 个</translation>
        </message>
    </context>
    <context>
        <name>Errors</name>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="149" />
            <source>Something unexpected went wrong. The details are in the log file; please include it when you report the problem.</source>
            <translation>发生了意外错误。详细信息已写入日志文件，反馈问题时请附上该文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="48" />
            <source>The server did not confirm the task, so it may or may not have been created (and charged). Check your task list on the website before submitting again.</source>
            <translation>服务器没有确认该任务，它可能已创建（并已扣费），也可能没有。再次提交前，请先到网站上查看任务列表。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="57" />
            <source>The server rejected your API key. Open Settings and enter a valid key.</source>
            <translation>服务器拒绝了您的 API 密钥。请打开“设置”，输入有效的密钥。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="72" />
            <source>The server refused the request. Check the script and parameters.</source>
            <translation>服务器拒绝了该请求。请检查文稿和参数。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="81" />
            <source>The server is busy. Try again in a minute.</source>
            <translation>服务器繁忙，请一分钟后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="84" />
            <source>The service had an internal problem. Try again in a few minutes.</source>
            <translation>服务内部出现问题，请几分钟后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="92" />
            <source>The server reported an error. Try again later.</source>
            <translation>服务器报告了一个错误，请稍后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="95" />
            <source>Could not reach the server. Check your internet connection and the server address in Settings.</source>
            <translation>无法连接服务器。请检查网络连接以及“设置”中的服务器地址。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="103" />
            <source>The server did not answer in time. Check your connection and try again.</source>
            <translation>服务器未能及时响应。请检查网络连接后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="109" />
            <source>The connection to the server was interrupted. Try again.</source>
            <translation>与服务器的连接中断了，请重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="112" />
            <source>The server sent an answer the app does not understand. Check the server address in Settings.</source>
            <translation>服务器返回了本应用无法识别的内容。请检查“设置”中的服务器地址。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="120" />
            <source>The result file is unexpectedly large, so it was not saved.</source>
            <translation>结果文件异常庞大，因此没有保存。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="124" />
            <source>The result could not be downloaded. Its link may have expired; try again soon after the task finishes.</source>
            <translation>无法下载结果，下载链接可能已过期。请在任务完成后尽快重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="133" />
            <source>This type of file cannot be uploaded.</source>
            <translation>不能上传这种类型的文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="135" />
            <source>Something went wrong talking to the server.</source>
            <translation>与服务器通信时出错。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="138" />
            <source>The app is not allowed to write to a folder it needs. Choose another results folder in Settings.</source>
            <translation>本应用无权写入所需的文件夹。请在“设置”中选择其他结果文件夹。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="146" />
            <source>A file could not be read or written. Check the disk space and folder.</source>
            <translation>无法读取或写入文件。请检查磁盘空间和文件夹。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="132" />
            <source>The file is too large (the limit is 100 MB).</source>
            <translation>文件过大（上限为 100 MB）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="67" />
            <source>The server refused the request: “{0}”. Change it and try again.</source>
            <translation>服务器拒绝了该请求：“{0}”。请修改后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="77" />
            <source>The server is busy. Try again in {0} seconds.</source>
            <translation>服务器繁忙，请 {0} 秒后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/errors.py" line="90" />
            <source>The server reported an error: “{0}”.</source>
            <translation>服务器报告错误：“{0}”。</translation>
        </message>
    </context>
    <context>
        <name>JobMessages</name>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="21" />
            <source>The server rejected the API key, so the task was not created and nothing was charged. Check the key in Settings, then submit again.</source>
            <translation>服务器拒绝了 API 密钥，因此任务没有创建，也没有扣费。请在“设置”中检查密钥，然后重新提交。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="26" />
            <source>The server rejected the API key, so checking on tasks has paused. Your tasks keep running on the server; enter a valid key to resume.</source>
            <translation>服务器拒绝了 API 密钥，因此已暂停查询任务进度。任务仍在服务器上运行；输入有效的密钥即可继续。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="31" />
            <source>Could not reach the server, so nothing was sent. Check the internet connection and the server address, then try again.</source>
            <translation>无法连接服务器，因此没有发送任何内容。请检查网络连接和服务器地址，然后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="36" />
            <source>Sending was interrupted, so the server may or may not have created this task. It was not sent again, to avoid a second charge; check the task list on the website before submitting again.</source>
            <translation>发送被中断，服务器可能已创建该任务，也可能没有。为避免重复扣费，应用没有重新发送；再次提交前，请先到网站上查看任务列表。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="42" />
            <source>Something went wrong while sending, so the server may or may not have created this task. It was not sent again, to avoid a second charge; check the task list on the website before submitting again.</source>
            <translation>发送时出错，服务器可能已创建该任务，也可能没有。为避免重复扣费，应用没有重新发送；再次提交前，请先到网站上查看任务列表。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="48" />
            <source>The server cancelled this task. Submit it again if you still need it.</source>
            <translation>服务器取消了该任务。如仍需要，请重新提交。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="51" />
            <source>The server finished the preview but sent no voice model ID, so the voice cannot be used. Try cloning again, or contact support with the task ID.</source>
            <translation>服务器完成了试听，但没有返回音色模型 ID，因此无法使用该音色。请重新克隆，或携带任务 ID 联系客服。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="56" />
            <source>The server sent no subtitle file for this task; the audio was saved.</source>
            <translation>服务器没有为该任务提供字幕文件；音频已保存。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="59" />
            <source>Stopped checking on tasks because the app is closing; they continue on the server.</source>
            <translation>应用正在关闭，已停止查询任务进度；任务会在服务器上继续运行。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="69" />
            <source>the server did not answer in time</source>
            <translation>服务器未及时响应</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="70" />
            <source>the connection broke before the answer arrived</source>
            <translation>收到响应前连接已中断</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="73" />
            <source>the answer could not be read</source>
            <translation>无法读取服务器的响应</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="87" />
            <source>Reconnecting… the server did not answer properly; next try in {0} s.</source>
            <translation>正在重新连接……服务器未正常响应；{0} 秒后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="90" />
            <source>This task is taking unusually long. It is still being checked every {0} s and its result will be saved when it arrives.</source>
            <translation>该任务耗时异常长。应用仍每 {0} 秒查询一次，结果生成后会自动保存。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="95" />
            <source>The task is finished but the server sent no audio link yet; asking again in {0} s.</source>
            <translation>任务已完成，但服务器尚未提供音频链接；{0} 秒后再次询问。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="99" />
            <source>The result is ready but downloading it failed; trying again in {0} s. It is kept on the server meanwhile.</source>
            <translation>结果已生成，但下载失败；{0} 秒后重试。在此期间结果仍保存在服务器上。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="104" />
            <source>The result of task {0} is larger than the {1} MB limit, so it was not saved. Download it from the website instead.</source>
            <translation>任务 {0} 的结果超过 {1} MB 上限，因此没有保存。请改从网站下载。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="109" />
            <source>Stopped waiting here. The server keeps task {0} and may still finish (and charge) it; you can follow it again later with its ID.</source>
            <translation>已停止等待。服务器保留任务 {0}，可能仍会完成（并扣费）；之后可以凭任务 ID 重新跟踪。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="114" />
            <source>The server no longer answers for task {0}: {1} Look the task up on the website if it was paid for.</source>
            <translation>服务器不再返回任务 {0} 的信息：{1} 如果该任务已付费，请到网站上查询。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="119" />
            <source>The server could not finish this task: {0}</source>
            <translation>服务器未能完成该任务：{0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="120" />
            <source>The server refused the request: {0} Nothing was charged; correct it and submit again.</source>
            <translation>服务器拒绝了该请求：{0} 没有扣费；请修改后重新提交。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="124" />
            <source>The server could not take the task right now: {0} Nothing was created or charged. Try again in a few minutes.</source>
            <translation>服务器暂时无法接收该任务：{0} 没有创建任务，也没有扣费。请几分钟后重试。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="129" />
            <source>No clear answer came back ({0}), so the server may or may not have created this task. It was not sent again, to avoid a second charge; check the task list on the website before submitting again.</source>
            <translation>没有收到明确的响应（{0}），服务器可能已创建该任务，也可能没有。为避免重复扣费，应用没有重新发送；再次提交前，请先到网站上查看任务列表。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/job_text.py" line="135" />
            <source>The request was not sent: {0}</source>
            <translation>请求未发送：{0}</translation>
        </message>
    </context>
    <context>
        <name>Languages</name>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="82" />
            <source>Automatic</source>
            <translation>自动识别</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="83" />
            <source>Chinese (Mandarin)</source>
            <translation>中文（普通话）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="84" />
            <source>Cantonese</source>
            <translation>粤语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="85" />
            <source>English</source>
            <translation>英语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="86" />
            <source>Arabic</source>
            <translation>阿拉伯语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="87" />
            <source>Russian</source>
            <translation>俄语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="88" />
            <source>Spanish</source>
            <translation>西班牙语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="89" />
            <source>French</source>
            <translation>法语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="90" />
            <source>Portuguese</source>
            <translation>葡萄牙语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="91" />
            <source>German</source>
            <translation>德语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="92" />
            <source>Turkish</source>
            <translation>土耳其语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="93" />
            <source>Dutch</source>
            <translation>荷兰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="94" />
            <source>Ukrainian</source>
            <translation>乌克兰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="95" />
            <source>Vietnamese</source>
            <translation>越南语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="96" />
            <source>Indonesian</source>
            <translation>印度尼西亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="97" />
            <source>Japanese</source>
            <translation>日语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="98" />
            <source>Italian</source>
            <translation>意大利语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="99" />
            <source>Korean</source>
            <translation>韩语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="100" />
            <source>Thai</source>
            <translation>泰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="101" />
            <source>Polish</source>
            <translation>波兰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="102" />
            <source>Romanian</source>
            <translation>罗马尼亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="103" />
            <source>Greek</source>
            <translation>希腊语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="104" />
            <source>Czech</source>
            <translation>捷克语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="105" />
            <source>Finnish</source>
            <translation>芬兰语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="106" />
            <source>Hindi</source>
            <translation>印地语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="107" />
            <source>Bulgarian</source>
            <translation>保加利亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="108" />
            <source>Danish</source>
            <translation>丹麦语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="109" />
            <source>Hebrew</source>
            <translation>希伯来语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="110" />
            <source>Malay</source>
            <translation>马来语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="111" />
            <source>Persian</source>
            <translation>波斯语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="112" />
            <source>Slovak</source>
            <translation>斯洛伐克语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="113" />
            <source>Swedish</source>
            <translation>瑞典语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="114" />
            <source>Croatian</source>
            <translation>克罗地亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="115" />
            <source>Filipino</source>
            <translation>菲律宾语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="116" />
            <source>Hungarian</source>
            <translation>匈牙利语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="117" />
            <source>Norwegian</source>
            <translation>挪威语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="118" />
            <source>Slovenian</source>
            <translation>斯洛文尼亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="119" />
            <source>Catalan</source>
            <translation>加泰罗尼亚语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="120" />
            <source>Norwegian Nynorsk</source>
            <translation>新挪威语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="121" />
            <source>Tamil</source>
            <translation>泰米尔语</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="122" />
            <source>Afrikaans</source>
            <translation>南非荷兰语</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="72" />
            <source>SoundClone Desktop</source>
            <translation>SoundClone 声音克隆工作室</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="119" />
            <source>Open script…</source>
            <translation>打开文稿…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="122" />
            <source>Open a .txt or .md script file (Ctrl+O)</source>
            <translation>打开 .txt 或 .md 文稿文件（Ctrl+O）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="124" />
            <source>Settings…</source>
            <translation>设置…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="129" />
            <source>API key, server, prices, defaults and language</source>
            <translation>API 密钥、服务器、价格、默认参数和界面语言</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="133" />
            <location filename="../../soundclone_desktop/ui/submit_bar.py" line="59" />
            <location filename="../../soundclone_desktop/ui/submit_bar.py" line="98" />
            <source>Generate speech</source>
            <translation>生成语音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="139" />
            <source>Main toolbar</source>
            <translation>主工具栏</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="152" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="155" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="160" />
            <source>&amp;Voices</source>
            <translation>音色(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="162" />
            <source>&amp;View</source>
            <translation>视图(&amp;W)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="183" />
            <source>Voice and parameters</source>
            <translation>音色与参数</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="190" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="196" />
            <source>Player</source>
            <translation>播放器</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="330" />
            <source>You are using the built-in demo: a ready voice, fake money and synthetic audio. Connect your account in Settings when you are ready.</source>
            <translation>您正在使用内置演示：提供现成的音色、虚拟余额和合成音频。准备好后，可在“设置”中连接您的账号。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="392" />
            <source>Open script</source>
            <translation>打开文稿</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/main_window.py" line="251" />
            <source>Tasks still being generated: %n. If you close now, the server still finishes and charges them, but this app will not download the results.</source>
            <translation>
                <numerusform>仍有 %n 个任务正在生成。如果现在关闭，服务器仍会完成这些任务并扣费，但本应用不会下载结果。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="303" />
            <source>Demo narrator</source>
            <translation>演示旁白</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="378" />
            <source>The new language applies the next time you start the app.</source>
            <translation>新的界面语言将在下次启动应用时生效。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="394" />
            <source>Scripts (*.txt *.md)</source>
            <translation>文稿 (*.txt *.md)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="394" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="259" />
            <source>Close anyway</source>
            <translation>仍然关闭</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="285" />
            <source>Open Settings</source>
            <translation>打开设置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="383" />
            <source>Your API key is in use for this session. This computer has no credential store, so you will need to enter it again next time.</source>
            <translation>API 密钥已在本次会话中启用。这台电脑没有凭据存储，下次启动时需要重新输入。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/main_window.py" line="423" />
            <source>Your audio is ready. Press Play to listen.</source>
            <translation>音频已生成。点击“播放”即可收听。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_bar.py" line="27" />
            <source>Cost unknown: enter your prices in Settings.</source>
            <translation>费用未知：请在“设置”中填写价格。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_bar.py" line="42" />
            <source>This task will charge {0}.</source>
            <translation>此任务将扣费 {0}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_bar.py" line="31" />
            <source>This task will charge {0}. Demo: no real money.</source>
            <translation>此任务将扣费 {0}。演示模式，不产生真实费用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_bar.py" line="98" />
            <source>Sending…</source>
            <translation>正在发送…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_bar.py" line="38" />
            <source>This task will charge {0} (at most {1}).</source>
            <translation>此任务将扣费 {0}（最多 {1}）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_bar.py" line="93" />
            <source>Send the script to the server ({0})</source>
            <translation>将文稿发送到服务器（{0}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_controller.py" line="141" />
            <source>The task was not created.</source>
            <translation>任务未创建。</translation>
        </message>
    </context>
    <context>
        <name>MessageBar</name>
        <message>
            <location filename="../../soundclone_desktop/ui/message_bar.py" line="46" />
            <source>Dismiss this message</source>
            <translation>关闭此消息</translation>
        </message>
    </context>
    <context>
        <name>ParametersPanel</name>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="67" />
            <source>Neutral</source>
            <translation>平静</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="68" />
            <source>Happy</source>
            <translation>开心</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="69" />
            <source>Sad</source>
            <translation>悲伤</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="70" />
            <source>Angry</source>
            <translation>愤怒</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="71" />
            <source>Fearful</source>
            <translation>害怕</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="72" />
            <source>Disgusted</source>
            <translation>厌恶</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="73" />
            <source>Surprised</source>
            <translation>惊讶</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="198" />
            <source>Reset to defaults</source>
            <translation>恢复默认值</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="201" />
            <source>Set every value except the voice back to its default</source>
            <translation>将除音色外的所有参数恢复为默认值</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="312" />
            <source>Choose a voice</source>
            <translation>选择音色</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="314" />
            <source>The cloned voice that speaks the script. Choose “Enter a voice ID…” to paste the ID of a voice created elsewhere.</source>
            <translation>用于朗读文稿的克隆音色。选择“输入音色 ID…”可粘贴在别处创建的音色 ID。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="320" />
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="281" />
            <source>Enter a voice ID…</source>
            <translation>输入音色 ID…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="329" />
            <source>Paste a voice ID, then press Enter</source>
            <translation>粘贴音色 ID，然后按回车</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="335" />
            <source>Use</source>
            <translation>使用</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="348" />
            <source>Voice:</source>
            <translation>音色：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="355" />
            <source>{version} ({count} languages)</source>
            <translation>{version}（{count} 种语言）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="360" />
            <source>Model version. v2 speaks 40 languages and can detect the language automatically; v1 speaks 24 languages.</source>
            <translation>模型版本。v2 支持 40 种语言并可自动识别语言；v1 支持 24 种语言。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="367" />
            <source>Model:</source>
            <translation>模型：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="372" />
            <source>The language of the script. “Automatic” is available with model v2 only.</source>
            <translation>文稿的语言。“自动识别”仅适用于 v2 模型。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="385" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="393" />
            <source>The feeling the voice speaks with</source>
            <translation>朗读时的情绪</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="396" />
            <source>Emotion:</source>
            <translation>情绪：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="406" />
            <source>Speed (× normal):</source>
            <translation>语速（倍）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="407" />
            <source>Speaking speed from 0.5 (slow) to 2 (fast); 1 is normal.</source>
            <translation>语速范围 0.5（慢）到 2（快）；1 为正常语速。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="417" />
            <source>Volume (× normal):</source>
            <translation>音量（倍）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="418" />
            <source>Volume from 0.01 to 10; 1 is normal. The service does not accept 0, so 0.01 is the lowest setting.</source>
            <translation>音量范围 0.01 到 10；1 为正常音量。服务不接受 0，因此最低为 0.01。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="428" />
            <source> st</source>
            <comment>semitones suffix</comment>
            <translation> 半音</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="434" />
            <source>Pitch (semitones):</source>
            <translation>音调（半音）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="435" />
            <source>Pitch in whole semitones from −12 to 12; 0 is the voice's own pitch.</source>
            <translation>音调以整半音为单位，范围 −12 到 12；0 为音色本来的音调。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="468" />
            <source>Create subtitles</source>
            <translation>生成字幕</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="471" />
            <source>Also produce a subtitle file with the audio</source>
            <translation>同时生成与音频配套的字幕文件</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="476" />
            <source>Sentence</source>
            <translation>按句</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="479" />
            <source>Word</source>
            <translation>按字词</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="482" />
            <source>Sentence: one subtitle per sentence. Word: timing for every word.</source>
            <translation>按句：每句一条字幕。按字词：每个字词都有时间信息。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="491" />
            <source>Subtitles:</source>
            <translation>字幕：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="537" />
            <source>Model v1 cannot detect the language, so it is set to {language}.</source>
            <translation>v1 模型无法自动识别语言，因此已设为{language}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/params_panel.py" line="541" />
            <source>{previous} needs model v2, so the language is set to {language}.</source>
            <translation>{previous}需要 v2 模型，因此语言已设为{language}。</translation>
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
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="142" />
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="359" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="143" />
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="357" />
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="531" />
            <source>Saved to {path}.</source>
            <translation>已保存到 {path}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="119" />
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="128" />
            <source>Show in folder</source>
            <translation>在文件夹中显示</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="150" />
            <source>Position</source>
            <translation>播放位置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="164" />
            <source>Volume</source>
            <translation>音量</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="450" />
            <source>No audio loaded</source>
            <translation>尚未加载音频</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="522" />
            <source>Saving…</source>
            <translation>正在保存…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="440" />
            <source>Volume: {percent} %</source>
            <translation>音量：{percent}%</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/player_widget.py" line="545" />
            <source>The folder could not be opened: {path}</source>
            <translation>无法打开文件夹：{path}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/saving.py" line="68" />
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
            <location filename="../../soundclone_desktop/ui/player/saving.py" line="63" />
            <source>that is the file itself</source>
            <translation>目标就是源文件本身</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/saving.py" line="34" />
            <source>All files (*)</source>
            <translation>所有文件 (*)</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform.py" line="60" />
            <source>Waveform</source>
            <translation>波形</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform.py" line="62" />
            <source>Click, or use the Left and Right arrow keys, to move through the audio.</source>
            <translation>点击波形，或使用左右方向键，在音频中移动。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform.py" line="230" />
            <source>Loading waveform…</source>
            <translation>正在加载波形…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform.py" line="232" />
            <source>Waveform not available</source>
            <translation>无法显示波形</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/player/waveform.py" line="234" />
            <source>No audio</source>
            <translation>没有音频</translation>
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
        <name>ScriptEditor</name>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/editor.py" line="185" />
            <source>Insert pause</source>
            <translation>插入停顿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/editor.py" line="189" />
            <source>Insert a pause at the cursor (Ctrl+Shift+P); merges with a pause next to it</source>
            <translation>在光标处插入停顿（Ctrl+Shift+P）；与相邻的停顿自动合并</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/editor.py" line="209" />
            <source>Type or paste your script. Use Insert pause (Ctrl+Shift+P) to add a silence.</source>
            <translation>输入或粘贴文稿。使用“插入停顿”（Ctrl+Shift+P）添加静音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/editor.py" line="214" />
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
            <location filename="../../soundclone_desktop/ui/editor/panel.py" line="108" />
            <source>Problems</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/panel.py" line="106" />
            <source>Problems ({count})</source>
            <translation>问题（{count}）</translation>
        </message>
    </context>
    <context>
        <name>ScriptFile</name>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="59" />
            <source>“{name}” is not a script file. Open a .txt or .md file.</source>
            <translation>“{name}”不是文稿文件。请打开 .txt 或 .md 文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="99" />
            <source>“{name}” is not readable text. Save it as UTF-8 (or GB18030) plain text and open it again.</source>
            <translation>“{name}”不是可读的文本。请另存为 UTF-8（或 GB18030）纯文本后重新打开。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="67" />
            <source>“{name}” is too large for a script ({size} KB). A request holds at most 9,999 characters; split the file and open one part.</source>
            <translation>“{name}”作为文稿过大（{size} KB）。每个请求最多 9,999 个字符；请拆分文件后打开其中一部分。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="76" />
            <source>“{name}” could not be found. It may have been moved or deleted.</source>
            <translation>找不到“{name}”。它可能已被移动或删除。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="82" />
            <source>You do not have permission to read “{name}”.</source>
            <translation>您没有读取“{name}”的权限。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="88" />
            <source>“{name}” is a folder, not a file.</source>
            <translation>“{name}”是文件夹，不是文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/editor/script_file.py" line="92" />
            <source>“{name}” could not be read: {reason}</source>
            <translation>无法读取“{name}”：{reason}</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="58" />
            <source>Custom address</source>
            <translation>自定义地址</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="69" />
            <source>Paste your API key here</source>
            <translation>在此粘贴您的 API 密钥</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="76" />
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="198" />
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="77" />
            <source>Show or hide the API key</source>
            <translation>显示或隐藏 API 密钥</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="88" />
            <source>Test connection</source>
            <translation>测试连接</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="100" />
            <source>You find your API key in the JimmyAI console, under API Keys. It is stored in your system's credential store, never in a settings file.</source>
            <translation>API 密钥可在 JimmyAI 控制台的“API 密钥”页面找到。密钥保存在系统的凭据存储中，绝不会写入设置文件。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="111" />
            <source>Server:</source>
            <translation>服务器：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="112" />
            <source>Custom address:</source>
            <translation>自定义地址：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="113" />
            <source>API key:</source>
            <translation>API 密钥：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="145" />
            <source>Enter the custom server address, starting with https:// or http://.</source>
            <translation>请输入自定义服务器地址，以 https:// 或 http:// 开头。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="167" />
            <source>The key in the SOUNDCLONE_API_KEY environment variable is in use; it takes precedence over the key saved here.</source>
            <translation>当前使用的是环境变量 SOUNDCLONE_API_KEY 中的密钥，它优先于此处保存的密钥。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="209" />
            <source>Testing…</source>
            <translation>正在测试…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="198" />
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="224" />
            <source>Connected. The key works.</source>
            <translation>连接成功，密钥有效。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="47" />
            <source>JimmyAI ({0})</source>
            <translation>JimmyAI（{0}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="53" />
            <source>ViralTok ({0})</source>
            <translation>ViralTok（{0}）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="175" />
            <source>This computer has no credential store, so the API key is kept for this session only; you will need to enter it again next time.</source>
            <translation>这台电脑没有凭据存储，API 密钥只在本次会话中保留；下次需要重新输入。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="181" />
            <source>The system credential store could not be used, so the API key is kept for this session only.</source>
            <translation>无法使用系统凭据存储，API 密钥只在本次会话中保留。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="206" />
            <source>Enter an API key first.</source>
            <translation>请先输入 API 密钥。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_account.py" line="220" />
            <source>Connected. Available balance: {0}.</source>
            <translation>连接成功。可用余额：{0}。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_dialog.py" line="59" />
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_dialog.py" line="69" />
            <source>Account</source>
            <translation>账号</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_dialog.py" line="70" />
            <source>Prices</source>
            <translation>价格</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_dialog.py" line="71" />
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_dialog.py" line="85" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_dialog.py" line="87" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_general.py" line="34" />
            <source>Parameters for new scripts</source>
            <translation>新文稿的默认参数</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_general.py" line="41" />
            <source>Choose…</source>
            <translation>选择…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_general.py" line="49" />
            <source>Same as the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_general.py" line="56" />
            <source>A new language applies when the app restarts.</source>
            <translation>更改界面语言后，需重新启动应用才会生效。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_general.py" line="62" />
            <source>Results folder:</source>
            <translation>结果文件夹：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_general.py" line="63" />
            <source>Language:</source>
            <translation>语言：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_general.py" line="75" />
            <source>Choose the results folder</source>
            <translation>选择结果文件夹</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="28" />
            <source>The service does not publish its prices. Copy them from your bill or the JimmyAI console so the app can show what each task will cost before you submit it. Leave a field empty if you do not know it.</source>
            <translation>服务商没有公开价格。请从账单或 JimmyAI 控制台中抄录价格，这样应用才能在提交前显示每个任务的费用。不清楚的项目请留空。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="45" />
            <source>Exact (characters × price ÷ 10,000)</source>
            <translation>按实际字数（字符数 × 单价 ÷ 10,000）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="48" />
            <source>Whole blocks of 10,000 characters</source>
            <translation>按整块（每 10,000 字符一块）</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="56" />
            <source>Speech, per 10,000 characters:</source>
            <translation>语音合成（每 10,000 字符）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="57" />
            <source>Voice fee, per task:</source>
            <translation>音色费（每个任务）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="58" />
            <source>Voice preview, per 10,000 characters:</source>
            <translation>音色试听（每 10,000 字符）：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="59" />
            <source>Currency:</source>
            <translation>货币：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="60" />
            <source>Charging:</source>
            <translation>计费方式：</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="69" />
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/settings_prices.py" line="81" />
            <source>Enter prices as plain numbers, such as 20 or 0.5.</source>
            <translation>请以纯数字填写价格，例如 20 或 0.5。</translation>
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
            <source>Your SoundClone account at {0}.</source>
            <translation>您在 {0} 的 SoundClone 账号。</translation>
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
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="30" />
            <source>The speed is out of range (0.5 to 2).</source>
            <translation>语速超出范围（0.5 到 2）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="31" />
            <source>The volume is out of range (more than 0, up to 10).</source>
            <translation>音量超出范围（大于 0，最大 10）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="32" />
            <source>The pitch must be a whole number from −12 to 12.</source>
            <translation>音调必须是 −12 到 12 之间的整数。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="33" />
            <source>Choose an emotion from the list.</source>
            <translation>请从列表中选择一种情绪。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="34" />
            <source>Choose model v1 or v2.</source>
            <translation>请选择 v1 或 v2 模型。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="35" />
            <source>Choose a language that the selected model supports (“Automatic” needs v2).</source>
            <translation>请选择所选模型支持的语言（“自动识别”需要 v2）。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="38" />
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="70" />
            <source>Choose a voice first.</source>
            <translation>请先选择音色。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="40" />
            <source>Check the parameters.</source>
            <translation>请检查参数。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="47" />
            <source>Sending… wait for the server to confirm the task.</source>
            <translation>正在发送……请等待服务器确认任务。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="50" />
            <source>Not connected: enter your API key in Settings, or try the demo.</source>
            <translation>未连接：请在“设置”中输入 API 密钥，或试用演示。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="54" />
            <source>Write a script first.</source>
            <translation>请先输入文稿。</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="65" />
            <source>Fix the problems marked in the script first (%n).</source>
            <translation>
                <numerusform>请先修正文稿中标出的问题（%n 处）。</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="67" />
            <source>Fix the problem marked in the script first.</source>
            <translation>请先修正文稿中标出的问题。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/submit_gate.py" line="57" />
            <source>The script is longer than the limit of {0} characters. Shorten it or split it.</source>
            <translation>文稿超过了 {0} 个字符的上限。请删减或拆分。</translation>
        </message>
    </context>
    <context>
        <name>TaskList</name>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/task_list.py" line="69" />
            <source>expected in ~%n min</source>
            <translation>
                <numerusform>预计约 %n 分钟后完成</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="40" />
            <source>Sending…</source>
            <translation>正在发送…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="41" />
            <source>Submitted</source>
            <translation>已提交</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="42" />
            <source>Waiting in the queue</source>
            <translation>排队中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="43" />
            <source>Generating</source>
            <translation>生成中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="44" />
            <source>Downloading</source>
            <translation>下载中</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="45" />
            <source>Ready</source>
            <translation>已完成</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="46" />
            <source>Failed</source>
            <translation>失败</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="47" />
            <source>Unknown: check your account</source>
            <translation>状态不明：请查看账号</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="48" />
            <source>No longer waiting</source>
            <translation>已停止等待</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="66" />
            <source>any moment now</source>
            <translation>即将完成</translation>
        </message>
        <message numerus="yes">
            <location filename="../../soundclone_desktop/ui/task_list.py" line="68" />
            <source>expected in ~%n s</source>
            <translation>
                <numerusform>预计约 %n 秒后完成</numerusform>
            </translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="117" />
            <source>Tasks</source>
            <translation>任务</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="119" />
            <source>Stop waiting</source>
            <translation>停止等待</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="122" />
            <source>Stop following this task. The server still finishes (and charges) it; the result will not be downloaded.</source>
            <translation>停止跟踪此任务。服务器仍会完成该任务（并扣费），但不会下载结果。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="128" />
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="130" />
            <source>Show file</source>
            <translation>显示文件</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="132" />
            <source>Open the folder that holds the audio file</source>
            <translation>打开音频文件所在的文件夹</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="76" />
            <source>took {0}</source>
            <translation>用时 {0}</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="105" />
            <source>Script</source>
            <translation>文稿</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="106" />
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="107" />
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/task_list.py" line="108" />
            <source>Cost</source>
            <translation>费用</translation>
        </message>
    </context>
    <context>
        <name>WelcomeDialog</name>
        <message>
            <location filename="../../soundclone_desktop/ui/welcome_dialog.py" line="22" />
            <source>Welcome to SoundClone Desktop</source>
            <translation>欢迎使用 SoundClone 声音克隆工作室</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/welcome_dialog.py" line="24" />
            <source>Turn your scripts into speech in your own cloned voice.</source>
            <translation>用您自己的克隆音色，把文稿变成语音。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/welcome_dialog.py" line="33" />
            <source>To start, connect your SoundClone account with its API key. You find the key in the JimmyAI console, under API Keys.

No account yet? Try the built-in demo: it runs on this computer, needs no internet and costs nothing.</source>
            <translation>开始之前，请用 API 密钥连接您的 SoundClone 账号。密钥可在 JimmyAI 控制台的“API 密钥”页面找到。

还没有账号？试试内置演示：它在本机运行，无需联网，也不产生费用。</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/welcome_dialog.py" line="44" />
            <source>Enter API key…</source>
            <translation>输入 API 密钥…</translation>
        </message>
        <message>
            <location filename="../../soundclone_desktop/ui/welcome_dialog.py" line="47" />
            <source>Try the demo</source>
            <translation>试用演示</translation>
        </message>
    </context>
</TS>
