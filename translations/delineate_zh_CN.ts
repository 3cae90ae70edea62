<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>ImageInfo</name>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Series %1</source>
            <translation>序列 %1</translation>
        </message>
    </context>
    <context>
        <name>OverlapMetrics</name>
        <message>
            <source>%1 and %2 are not on the same voxel grid (size, spacing, origin or direction differ)</source>
            <translation>%1 与 %2 不在同一体素网格上（尺寸、间距、原点或方向不同）</translation>
        </message>
    </context>
    <context>
        <name>PatientBanner</name>
        <message>
            <source>LOSSY COMPRESSED</source>
            <translation>有损压缩</translation>
        </message>
        <message>
            <source>ID: %1</source>
            <translation>ID：%1</translation>
        </message>
        <message>
            <source>Born: %1</source>
            <translation>出生日期：%1</translation>
        </message>
        <message>
            <source>Sex: %1</source>
            <translation>性别：%1</translation>
        </message>
        <message>
            <source>Study: %1</source>
            <translation>检查日期：%1</translation>
        </message>
    </context>
    <context>
        <name>SliceViewModel</name>
        <message>
            <source>Axial</source>
            <translation>轴位</translation>
        </message>
        <message>
            <source>Coronal</source>
            <translation>冠状位</translation>
        </message>
        <message>
            <source>Sagittal</source>
            <translation>矢状位</translation>
        </message>
    </context>
    <context>
        <name>WindowLevelPresets</name>
        <message>
            <source>CT brain</source>
            <translation>CT 脑窗</translation>
        </message>
        <message>
            <source>CT subdural</source>
            <translation>CT 硬膜下窗</translation>
        </message>
        <message>
            <source>CT stroke</source>
            <translation>CT 卒中窗</translation>
        </message>
        <message>
            <source>CT lung</source>
            <translation>CT 肺窗</translation>
        </message>
        <message>
            <source>CT mediastinum</source>
            <translation>CT 纵隔窗</translation>
        </message>
        <message>
            <source>CT abdomen</source>
            <translation>CT 腹部窗</translation>
        </message>
        <message>
            <source>CT liver</source>
            <translation>CT 肝脏窗</translation>
        </message>
        <message>
            <source>CT bone</source>
            <translation>CT 骨窗</translation>
        </message>
    </context>
    <context>
        <name>delineate</name>
        <message>
            <source>%1 per-frame functional groups for %2 frames</source>
            <translation>%1 个逐帧功能组对应 %2 帧</translation>
        </message>
        <message>
            <source>TE %1 ms</source>
            <translation>TE %1 毫秒</translation>
        </message>
        <message>
            <source>time %1</source>
            <translation>时间 %1</translation>
        </message>
        <message>
            <source>MOSAIC image without a readable number of images; loaded as one slice</source>
            <translation>MOSAIC 图像缺少可读的图像数量，按单层载入</translation>
        </message>
        <message>
            <source>image without pixel description</source>
            <translation>图像缺少像素描述</translation>
        </message>
        <message>
            <source>no pixel data</source>
            <translation>无像素数据</translation>
        </message>
        <message>
            <source>%1: not a readable DICOM file (%2)</source>
            <translation>%1：不是可读取的 DICOM 文件（%2）</translation>
        </message>
        <message>
            <source>%1: empty DICOM dataset</source>
            <translation>%1：DICOM 数据集为空</translation>
        </message>
        <message>
            <source>character set conversion failed (%1); names may show wrongly</source>
            <translation>字符集转换失败（%1）；姓名可能显示不正确</translation>
        </message>
        <message>
            <source>%1: no such file or folder</source>
            <translation>%1：文件或文件夹不存在</translation>
        </message>
        <message>
            <source>%1: permission denied</source>
            <translation>%1：权限不足</translation>
        </message>
        <message>
            <source>Listing files</source>
            <translation>正在列出文件</translation>
        </message>
        <message>
            <source>Reading DICOM headers</source>
            <translation>正在读取 DICOM 头信息</translation>
        </message>
        <message>
            <source>Grouping series</source>
            <translation>正在按序列分组</translation>
        </message>
        <message>
            <source>Scan complete</source>
            <translation>扫描完成</translation>
        </message>
        <message>
            <source>volume %1</source>
            <translation>容积 %1</translation>
        </message>
        <message>
            <source>acquisition %1</source>
            <translation>采集 %1</translation>
        </message>
        <message>
            <source>trigger %1 ms</source>
            <translation>触发 %1 毫秒</translation>
        </message>
        <message>
            <source>type %1</source>
            <translation>类型 %1</translation>
        </message>
        <message numerus="yes">
            <source>%n localizer image(s) set aside</source>
            <translation>
                <numerusform>已排除 %n 幅定位像</numerusform>
            </translation>
        </message>
        <message>
            <source>echo %1</source>
            <translation>回波 %1</translation>
        </message>
        <message>
            <source>series split into %1 sub-series; this one: %2</source>
            <translation>序列已拆分为 %1 个子序列；本子序列：%2</translation>
        </message>
        <message>
            <source>Loading %1</source>
            <translation>正在载入 %1</translation>
        </message>
        <message>
            <source>%1: %2 x %3 pixels, but the series has %4 x %5</source>
            <translation>%1：图像为 %2 x %3 像素，但该序列为 %4 x %5</translation>
        </message>
        <message>
            <source>%1: mosaic tile %2 lies outside the image</source>
            <translation>%1：马赛克图块 %2 超出图像范围</translation>
        </message>
        <message>
            <source>series %1: no image frames</source>
            <translation>序列 %1：没有图像帧</translation>
        </message>
        <message>
            <source>series %1: invalid image size %2 x %3</source>
            <translation>序列 %1：图像尺寸 %2 x %3 无效</translation>
        </message>
        <message>
            <source>series %1: %2 x %3 x %4 voxels is too large to load</source>
            <translation>序列 %1：%2 x %3 x %4 体素过大，无法载入</translation>
        </message>
        <message>
            <source>no image position/orientation: slices ordered by instance number, geometry unknown</source>
            <translation>缺少图像位置/方向：按实例号排列各层，几何信息未知</translation>
        </message>
        <message numerus="yes">
            <source>%n slice(s) share a position with another slice</source>
            <translation>
                <numerusform>有 %n 层与其他层位置重合</numerusform>
            </translation>
        </message>
        <message>
            <source>uneven slice spacing: %1 to %2 mm</source>
            <translation>层间距不均匀：%1 至 %2 毫米</translation>
        </message>
        <message numerus="yes">
            <source>about %n slice(s) missing</source>
            <translation>
                <numerusform>约缺失 %n 层</numerusform>
            </translation>
        </message>
        <message>
            <source>gantry tilt of %1 degrees</source>
            <translation>机架倾斜 %1 度</translation>
        </message>
        <message>
            <source>colour image (%1) shown as its luminance</source>
            <translation>彩色图像（%1）以亮度显示</translation>
        </message>
        <message>
            <source>values are not all integers within the int16 range: stored as float32</source>
            <translation>数值并非全为 int16 范围内的整数：以 float32 存储</translation>
        </message>
        <message>
            <source>Regularising slices</source>
            <translation>正在规整各层</translation>
        </message>
        <message>
            <source>resampled to a regular grid (%1 x %2 x %3, %4 mm slices)</source>
            <translation>已重采样为规则网格（%1 x %2 x %3，层厚 %4 毫米）</translation>
        </message>
        <message>
            <source>Loaded %1</source>
            <translation>已载入 %1</translation>
        </message>
        <message>
            <source>%1: nothing to write, the volume is empty</source>
            <translation>%1：没有可写入的内容，容积为空</translation>
        </message>
        <message>
            <source>%1: cannot create the folder</source>
            <translation>%1：无法创建文件夹</translation>
        </message>
        <message>
            <source>%1: slices larger than 65535 pixels cannot be written as DICOM</source>
            <translation>%1：超过 65535 像素的层无法写为 DICOM</translation>
        </message>
        <message>
            <source>Writing DICOM slice %1 of %2</source>
            <translation>正在写入 DICOM 第 %1 层（共 %2 层）</translation>
        </message>
        <message>
            <source>%1: cannot write (%2)</source>
            <translation>%1：无法写入（%2）</translation>
        </message>
        <message>
            <source>Series written</source>
            <translation>序列已写入</translation>
        </message>
        <message>
            <source>cannot regularise fewer than two slices</source>
            <translation>少于两层时无法规整</translation>
        </message>
        <message>
            <source>cannot equalise the slice spacing: too few slices</source>
            <translation>无法统一层间距：层数太少</translation>
        </message>
        <message>
            <source>the regularised volume would be too large</source>
            <translation>规整后的容积过大</translation>
        </message>
        <message>
            <source>%1: no readable DICOM image among %2 files</source>
            <translation>%1：%2 个文件中没有可读取的 DICOM 图像</translation>
        </message>
        <message>
            <source>%1: no DICOM image series found</source>
            <translation>%1：未找到 DICOM 图像序列</translation>
        </message>
        <message>
            <source>%1: no series '%2' (there are %3)</source>
            <translation>%1：没有序列“%2”（共有 %3 个）</translation>
        </message>
        <message>
            <source>%1: cannot read the image: %2</source>
            <translation>%1：无法读取图像：%2</translation>
        </message>
        <message>
            <source>%1: cannot write the image: %2</source>
            <translation>%1：无法写入图像：%2</translation>
        </message>
        <message>
            <source>%1: no such file</source>
            <translation>%1：文件不存在</translation>
        </message>
        <message>
            <source>%1: not a supported image file (NIfTI, NRRD, MHA or PNG expected)</source>
            <translation>%1：不是支持的图像文件（应为 NIfTI、NRRD、MHA 或 PNG）</translation>
        </message>
        <message>
            <source>%1: %2-dimensional images are not supported</source>
            <translation>%1：不支持 %2 维图像</translation>
        </message>
        <message>
            <source>%1: the image is too large (%2 voxels)</source>
            <translation>%1：图像过大（%2 个体素）</translation>
        </message>
        <message>
            <source>%1: cannot read the image header: %2</source>
            <translation>%1：无法读取图像头信息：%2</translation>
        </message>
        <message>
            <source>%1: no volume %2 (the file holds %3)</source>
            <translation>%1：没有第 %2 个容积（文件中共有 %3 个）</translation>
        </message>
        <message>
            <source>%1: no volume %2 (the file holds one)</source>
            <translation>%1：没有第 %2 个容积（文件中只有一个）</translation>
        </message>
        <message>
            <source>%1: not a label map (voxel value %2 is not an integer in 0..255)</source>
            <translation>%1：不是标签图（体素值 %2 不是 0..255 之间的整数）</translation>
        </message>
        <message>
            <source>%1: nothing to write, the label map is empty</source>
            <translation>%1：没有可写入的内容，标签图为空</translation>
        </message>
        <message>
            <source>%1: cannot replace the file (%2)</source>
            <translation>%1：无法替换文件（%2）</translation>
        </message>
    </context>
    <context>
        <name>delineate::ImageInfoPane</name>
        <message>
            <source>No image loaded. Open a DICOM folder or a volume file from the File menu, or drop it here.</source>
            <translation>尚未载入图像。请从“文件”菜单打开 DICOM 文件夹或容积文件，或将其拖放到此处。</translation>
        </message>
        <message>
            <source>Modality: %1</source>
            <translation>模态：%1</translation>
        </message>
        <message>
            <source>Size: %1 x %2 x %3 voxels</source>
            <translation>尺寸：%1 x %2 x %3 体素</translation>
        </message>
        <message>
            <source>Spacing: %1 x %2 x %3 mm</source>
            <translation>间距：%1 x %2 x %3 毫米</translation>
        </message>
        <message>
            <source>Oblique acquisition: the views show the voxel grid along its nearest anatomical axes.</source>
            <translation>斜位采集：各视图按最接近的解剖轴显示体素网格。</translation>
        </message>
        <message>
            <source>Lossy compressed images: not for primary diagnosis of fine detail.</source>
            <translation>有损压缩图像：不可用于细微结构的首要诊断。</translation>
        </message>
        <message>
            <source>Warning: %1</source>
            <translation>警告：%1</translation>
        </message>
    </context>
    <context>
        <name>delineate::MainWindow</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Delineate</source>
            <translation>Delineate</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Open &amp;Folder...</source>
            <translation>打开文件夹(&amp;F)...</translation>
        </message>
        <message>
            <source>&amp;Open File...</source>
            <translation>打开文件(&amp;O)...</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Settings...</source>
            <translation>设置(&amp;S)...</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>Layout &amp;1 x 3</source>
            <translation>布局 1 x 3(&amp;1)</translation>
        </message>
        <message>
            <source>Layout &amp;2 x 2</source>
            <translation>布局 2 x 2(&amp;2)</translation>
        </message>
        <message>
            <source>&amp;Fit to Window</source>
            <translation>适应窗口(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Actual Size (1:1)</source>
            <translation>实际大小 1:1(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Nearest Neighbour Interpolation</source>
            <translation>最近邻插值(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Linear Interpolation</source>
            <translation>线性插值(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Study Browser</source>
            <translation>检查浏览器(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Window/Level</source>
            <translation>窗宽/窗位(&amp;W)</translation>
        </message>
        <message>
            <source>&amp;Automatic (1-99 %)</source>
            <translation>自动（1-99 %）(&amp;A)</translation>
        </message>
        <message>
            <source>%1 (W %2, L %3)</source>
            <translation>%1（窗宽 %2，窗位 %3）</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About Delineate</source>
            <translation>关于 Delineate(&amp;A)</translation>
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation>关于 Qt(&amp;Q)</translation>
        </message>
        <message>
            <source>Open a DICOM folder or a volume file (File menu), or drop it on the window.</source>
            <translation>请打开 DICOM 文件夹或容积文件（“文件”菜单），或将其拖放到窗口中。</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>&amp;Clear Recent</source>
            <translation>清除最近记录(&amp;C)</translation>
        </message>
        <message>
            <source>Open DICOM Folder</source>
            <translation>打开 DICOM 文件夹</translation>
        </message>
        <message>
            <source>Open File</source>
            <translation>打开文件</translation>
        </message>
        <message>
            <source>Images (*.dcm *.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;DICOM files (*);;All files (*)</source>
            <translation>图像 (*.dcm *.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;DICOM 文件 (*);;所有文件 (*)</translation>
        </message>
        <message>
            <source>%1 does not exist.</source>
            <translation>%1 不存在。</translation>
        </message>
        <message>
            <source>Opening %1...</source>
            <translation>正在打开 %1...</translation>
        </message>
        <message>
            <source>%1 holds no image series, only other DICOM objects (for example segmentations); they are listed in the study browser.</source>
            <translation>%1 中没有图像序列，只有其他 DICOM 对象（例如分割对象）；它们已列在检查浏览器中。</translation>
        </message>
        <message numerus="yes">
            <source>No DICOM images could be read in %1: %n file(s) were not readable (listed in the study browser).</source>
            <translation>
                <numerusform>%1 中没有可读取的 DICOM 图像：%n 个文件无法读取（已列在检查浏览器中）。</numerusform>
            </translation>
        </message>
        <message>
            <source>No DICOM images were found in %1.</source>
            <translation>在 %1 中未找到 DICOM 图像。</translation>
        </message>
        <message>
            <source>%1 - Delineate</source>
            <translation>%1 - Delineate</translation>
        </message>
        <message>
            <source>Loaded %1</source>
            <translation>已载入 %1</translation>
        </message>
        <message>
            <source>"%1" is a DICOM %2 object (%3). Delineate cannot display this kind of object yet; open an image series of the same study instead.</source>
            <translation>“%1”是 DICOM %2 对象（%3）。Delineate 暂时无法显示此类对象；请打开同一检查中的图像序列。</translation>
        </message>
        <message>
            <source>The new language applies when Delineate is restarted.</source>
            <translation>新语言将在重新启动 Delineate 后生效。</translation>
        </message>
        <message>
            <source>About Delineate</source>
            <translation>关于 Delineate</translation>
        </message>
        <message>
            <source>&lt;b&gt;Delineate %1&lt;/b&gt;&lt;p&gt;Medical image segmentation with a human in the loop.&lt;/p&gt;&lt;p&gt;Not a medical device: not for diagnosis.&lt;/p&gt;</source>
            <translation>&lt;b&gt;Delineate %1&lt;/b&gt;&lt;p&gt;人机协同的医学图像分割软件。&lt;/p&gt;&lt;p&gt;本软件不是医疗器械：不可用于诊断。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>"%1" holds no voxels and cannot be shown.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>delineate::PixelDecoder</name>
        <message>
            <source>%1: cannot read the DICOM file (%2)</source>
            <translation>%1：无法读取 DICOM 文件（%2）</translation>
        </message>
        <message>
            <source>%1: the image has no rows or columns</source>
            <translation>%1：图像没有行或列</translation>
        </message>
        <message>
            <source>%1: the file has no pixel data</source>
            <translation>%1：文件中没有像素数据</translation>
        </message>
        <message>
            <source>%1: %2 bits allocated per sample is not supported</source>
            <translation>%1：不支持每个样本分配 %2 位</translation>
        </message>
        <message>
            <source>%1: the transfer syntax %2 (%3) is not supported: no HTJ2K decoder is available</source>
            <translation>%1：不支持传输语法 %2（%3）：没有可用的 HTJ2K 解码器</translation>
        </message>
        <message>
            <source>%1: frame %2 does not exist (%3 frames)</source>
            <translation>%1：第 %2 帧不存在（共 %3 帧）</translation>
        </message>
        <message>
            <source>%1: the float pixel data is shorter than its %2 frames</source>
            <translation>%1：浮点像素数据短于其 %2 帧所需长度</translation>
        </message>
        <message>
            <source>%1: the transfer syntax %2 is not supported (%3)</source>
            <translation>%1：不支持传输语法 %2（%3）</translation>
        </message>
        <message>
            <source>%1: the %2 pixel data is corrupt or truncated (%3)</source>
            <translation>%1：%2 像素数据已损坏或被截断（%3）</translation>
        </message>
    </context>
    <context>
        <name>delineate::PixelDecoder::Private</name>
        <message>
            <source>%1: the %2 pixel data cannot be decoded (corrupt stream or unsupported variant)</source>
            <translation>%1：无法解码 %2 像素数据（数据流损坏或变体不受支持）</translation>
        </message>
        <message>
            <source>%1: the palette colour image cannot be converted</source>
            <translation>%1：无法转换调色板彩色图像</translation>
        </message>
        <message>
            <source>%1: the %2 pixel data cannot be decoded (corrupt stream)</source>
            <translation>%1：无法解码 %2 像素数据（数据流损坏）</translation>
        </message>
        <message>
            <source>%1: decoded %2 data has an unexpected size</source>
            <translation>%1：解码后的 %2 数据大小异常</translation>
        </message>
        <message>
            <source>%1: the colour image cannot be decoded (%2)</source>
            <translation>%1：无法解码彩色图像（%2）</translation>
        </message>
        <message>
            <source>%1: the colour image cannot be converted to luminance</source>
            <translation>%1：无法将彩色图像转换为亮度</translation>
        </message>
    </context>
    <context>
        <name>delineate::SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>System language</source>
            <translation>系统语言</translation>
        </message>
        <message>
            <source>Three views side by side (1 x 3)</source>
            <translation>三个视图并排（1 x 3）</translation>
        </message>
        <message>
            <source>Three views and information (2 x 2)</source>
            <translation>三个视图加信息栏（2 x 2）</translation>
        </message>
        <message>
            <source>Nearest neighbour (voxels visible)</source>
            <translation>最近邻（可见体素）</translation>
        </message>
        <message>
            <source>Linear (smooth)</source>
            <translation>线性（平滑）</translation>
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation>语言(&amp;L)：</translation>
        </message>
        <message>
            <source>Default &amp;layout:</source>
            <translation>默认布局(&amp;L)：</translation>
        </message>
        <message>
            <source>Display &amp;interpolation:</source>
            <translation>显示插值(&amp;I)：</translation>
        </message>
        <message>
            <source>A new language applies the next time Delineate starts.</source>
            <translation>新语言将在下次启动 Delineate 时生效。</translation>
        </message>
    </context>
    <context>
        <name>delineate::SliceView</name>
        <message>
            <source>Oblique acquisition: voxel grid shown</source>
            <translation>斜位采集：显示体素网格</translation>
        </message>
        <message>
            <source>W %1  L %2</source>
            <translation>窗宽 %1  窗位 %2</translation>
        </message>
        <message>
            <source>Auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>%1  %2 / %3</source>
            <translation>%1  %2 / %3</translation>
        </message>
    </context>
    <context>
        <name>delineate::StudyBrowser</name>
        <message>
            <source>Studies</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Modality</source>
            <translation>模态</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图像数</translation>
        </message>
        <message>
            <source>(no name)</source>
            <translation>（无姓名）</translation>
        </message>
        <message>
            <source>%1 (ID %2)</source>
            <translation>%1（ID %2）</translation>
        </message>
        <message>
            <source>Study</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>Accession number %1</source>
            <translation>检查号 %1</translation>
        </message>
        <message>
            <source>(no description)</source>
            <translation>（无描述）</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>%1 x %2, %3; double-click to open</source>
            <translation>%1 x %2，%3；双击打开</translation>
        </message>
        <message>
            <source>Lossy compressed</source>
            <translation>有损压缩</translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) could not be read</source>
            <translation>
                <numerusform>%n 个文件无法读取</numerusform>
            </translation>
        </message>
        <message>
            <source>Born %1</source>
            <translation>出生日期 %1</translation>
        </message>
        <message>
            <source>Volume files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1; double-click to open</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>delineate::StudyLoader</name>
        <message>
            <source>%1 does not exist.</source>
            <translation>%1 不存在。</translation>
        </message>
        <message>
            <source>Reading %1</source>
            <translation>正在读取 %1</translation>
        </message>
        <message>
            <source>Scanning %1</source>
            <translation>正在扫描 %1</translation>
        </message>
        <message>
            <source>The series %1 is not part of the opened study.</source>
            <translation>序列 %1 不属于已打开的检查。</translation>
        </message>
        <message>
            <source>series %1</source>
            <translation>序列 %1</translation>
        </message>
        <message>
            <source>Loading %1</source>
            <translation>正在载入 %1</translation>
        </message>
        <message>
            <source>Could not load the series "%1": %2</source>
            <translation>无法载入序列“%1”：%2</translation>
        </message>
        <message>
            <source>Making thumbnails</source>
            <translation>正在生成缩略图</translation>
        </message>
    </context>
    <context>
        <name>delineate::ViewerState</name>
        <message>
            <source>%1 HU</source>
            <translation>%1 HU</translation>
        </message>
        <message>
            <source>Voxel (%1, %2, %3)   LPS (%4, %5, %6) mm   Value %7</source>
            <translation>体素 (%1, %2, %3)   LPS (%4, %5, %6) 毫米   值 %7</translation>
        </message>
    </context>
    <context>
        <name>delineate::cli</name>
        <message>
            <source>--%1 is required (see --help)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--%1 expects a whole number, not '%2'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--%1 expects a number, not '%2'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no image series found (not a volume file, PNG folder or DICOM series)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 holds %2 series; segmenting series %3 '%4' (%5 frames)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is %2 x %3 but the first PNG in the folder is %4 x %5</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Segment a volume file, a DICOM series or a folder of PNG slices with a U-Net model.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model file (.dlm) or TorchScript file (.pt with .pt.json).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Volume file, DICOM folder/file, or folder of PNG slices.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Label map file, or a folder for PNG input.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Also write the foreground probability volume here.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Probability threshold of a binary model (default 0.5).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Intra-op threads (default: all cores).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Slices per forward pass (default 4).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voxel axis normal to the slices, 0-2 (default: the model's).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Sliding-window edge in pixels (default: the model's).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>auto, cpu or cuda (default auto).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Average over 4 flips of each slice (4x slower, slightly better).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No progress on stderr.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--axis must be 0, 1 or 2 and --threshold within [0, 1]</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no such file or folder</source>
            <translation>%1：文件或文件夹不存在</translation>
        </message>
        <message>
            <source>%1: %2</source>
            <translation>%1：%2</translation>
        </message>
        <message>
            <source>%1: cannot create the output folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Per-class Dice and IoU, and pixel error, of a predicted label map against a reference (files on the same grid, or folders of PNG masks matched by name). Every label value of the reference is a class, 0 included.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Predicted label map or folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reference label map or folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Print JSON instead of a table.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 and %2: compare two files or two folders</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no label files</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: missing; the reference folder has %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 and %2 differ in size</source>
            <translation>%1 与 %2 尺寸不同</translation>
        </message>
        <message>
            <source>%1 file(s), %2 voxels, pixel error %3</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>label %1: Dice %2  IoU %3  (reference %4, predicted %5 voxels)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Train a U-Net on DIR/image + DIR/label (PNG slices or volumes with the same file names). Without --epochs or --minutes it trains for %1 minutes. Indices count files in natural name order from 0.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Training folder with image/ and label/.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model file to write (.dlm); rewritten whenever validation improves.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Validation folder with image/ and label/.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Training indices in --data, e.g. 0-23 (default all).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Validation indices (in --val, or else in --data), e.g. 24-29.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fine-tune this model file.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>simple (reference SimpleUNet) or unet (default).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Channels at the first level (default: the preset's).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Number of epochs.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Time budget in minutes (with --epochs: whichever ends first).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Optimiser steps per epoch (default 50).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Patches per step (default 4).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Patch edge in pixels (default 256).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Adam learning rate (default 0.001), decayed on a cosine to 2%.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>dice+bce (default; Dice+CE for several classes) or bce (reference).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No flips, rotations, warps or intensity changes.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Random seed (default 1).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model name shown to users.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Comma-separated class names by ascending label value.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Provenance text: data source, licence, citation.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Treat every non-zero label voxel as label 1 (e.g. a skull-stripped image).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--loss must be dice+bce or bce, not '%1'</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>--epochs, --minutes, --steps-per-epoch, --batch, --patch (&gt;= 16) and --lr must be positive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no such folder</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>delineate::ml</name>
        <message>
            <source>tensor '%1' is missing</source>
            <translation>缺少张量“%1”</translation>
        </message>
        <message>
            <source>tensor '%1' has shape %2 but the architecture in the header needs %3</source>
            <translation>张量“%1”的形状为 %2，但头信息中的网络架构需要 %3</translation>
        </message>
        <message>
            <source>layer '%1' is missing</source>
            <translation>缺少网络层“%1”</translation>
        </message>
        <message>
            <source>%1: the model header is not valid JSON (%2)</source>
            <translation>%1：模型头信息不是有效的 JSON（%2）</translation>
        </message>
        <message>
            <source>%1: a TorchScript model needs its JSON header beside it, %2, which cannot be read</source>
            <translation>%1：TorchScript 模型需要同目录下的 JSON 头文件 %2，但该文件无法读取</translation>
        </message>
        <message>
            <source>%1: format must be 'torchscript' for a TorchScript model</source>
            <translation>%1：TorchScript 模型的 format 必须为“torchscript”</translation>
        </message>
        <message>
            <source>%1: forward() returned shape %2 for input [1, %3, %4, %4]; expected [1, %5, %4, %4]</source>
            <translation>%1：forward() 对输入 [1, %3, %4, %4] 返回形状 %2；应为 [1, %5, %4, %4]</translation>
        </message>
        <message>
            <source>%1: cannot load the TorchScript model: %2</source>
            <translation>%1：无法加载 TorchScript 模型：%2</translation>
        </message>
        <message>
            <source>no model loaded</source>
            <translation>未加载模型</translation>
        </message>
        <message>
            <source>the image is empty</source>
            <translation>图像为空</translation>
        </message>
        <message>
            <source>slice axis %1 is not 0, 1 or 2</source>
            <translation>切片轴 %1 不是 0、1 或 2</translation>
        </message>
        <message>
            <source>model '%1' expects %2 input channels; only single-channel images are supported</source>
            <translation>模型“%1”需要 %2 个输入通道；仅支持单通道图像</translation>
        </message>
        <message>
            <source>CUDA was requested but this LibTorch build has no usable CUDA device</source>
            <translation>已请求使用 CUDA，但此 LibTorch 版本没有可用的 CUDA 设备</translation>
        </message>
        <message>
            <source>Segmenting slice %1 of %2, about %3 s left</source>
            <translation>正在分割第 %1 层（共 %2 层），约剩 %3 秒</translation>
        </message>
        <message>
            <source>model '%1' failed on this image: %2</source>
            <translation>模型“%1”处理此图像时失败：%2</translation>
        </message>
        <message>
            <source>%1: label value %2 is not one of the model's classes</source>
            <translation>%1：标签值 %2 不属于模型的类别</translation>
        </message>
        <message>
            <source>%1: TorchScript models cannot be fine-tuned here; use a Delineate model file</source>
            <translation>%1：此处无法微调 TorchScript 模型；请使用 Delineate 模型文件</translation>
        </message>
        <message>
            <source>%1: the labels hold a single value; at least two classes are needed</source>
            <translation>%1：标签只有一个值；至少需要两个类别</translation>
        </message>
        <message>
            <source>the 'simple' reference U-Net is binary; the labels hold %1 values</source>
            <translation>“simple”参考 U-Net 为二分类；而标签有 %1 个值</translation>
        </message>
        <message>
            <source>Epoch %1, loss %2, about %3 min left</source>
            <translation>第 %1 轮，损失 %2，约剩 %3 分钟</translation>
        </message>
        <message>
            <source>training failed: %1</source>
            <translation>训练失败：%1</translation>
        </message>
        <message>
            <source>'%1' is not an index range such as 0-23 or 4,7,9-11</source>
            <translation>“%1”不是有效的索引范围（例如 0-23 或 4,7,9-11）</translation>
        </message>
        <message>
            <source>%1: a training folder needs the subfolders image/ and label/</source>
            <translation>%1：训练文件夹需要包含 image/ 和 label/ 子文件夹</translation>
        </message>
        <message>
            <source>%1: no images (PNG, NIfTI, NRRD, MHA)</source>
            <translation>%1：没有图像（PNG、NIfTI、NRRD、MHA）</translation>
        </message>
        <message>
            <source>%1: index %2 requested but there are only %3 images (0-%4)</source>
            <translation>%1：请求索引 %2，但只有 %3 幅图像（0-%4）</translation>
        </message>
        <message>
            <source>%1: no label file with the same name in %2</source>
            <translation>%1：在 %2 中没有同名的标签文件</translation>
        </message>
        <message>
            <source>%1 and %2 differ in size</source>
            <translation>%1 与 %2 尺寸不同</translation>
        </message>
        <message>
            <source>Reading training data</source>
            <translation>正在读取训练数据</translation>
        </message>
    </context>
    <context>
        <name>delineate::ml::IntensityNormalization</name>
        <message>
            <source>input normalization kind '%1' is not 'window' or 'zscore'</source>
            <translation>输入归一化类型“%1”不是“window”或“zscore”</translation>
        </message>
        <message>
            <source>input window upper (%1) must exceed lower (%2)</source>
            <translation>输入窗口上限（%1）必须大于下限（%2）</translation>
        </message>
    </context>
    <context>
        <name>delineate::ml::ModelHeader</name>
        <message>
            <source>%1: bad model header: %2</source>
            <translation>%1：模型头信息有误：%2</translation>
        </message>
        <message>
            <source>format '%1' is not 'delineate-unet' or 'torchscript'</source>
            <translation>格式“%1”不是“delineate-unet”或“torchscript”</translation>
        </message>
        <message>
            <source>format_version %1 is not supported (this build reads 1 to %2)</source>
            <translation>不支持 format_version %1（此版本可读取 1 至 %2）</translation>
        </message>
        <message>
            <source>negative spacing_mm</source>
            <translation>spacing_mm 为负值</translation>
        </message>
        <message>
            <source>patch_size, tile_size (multiples of %1) or slice_axis (0-2) out of range</source>
            <translation>patch_size、tile_size（须为 %1 的倍数）或 slice_axis（0-2）超出范围</translation>
        </message>
        <message>
            <source>%1 classes listed, the architecture has %2</source>
            <translation>列出了 %1 个类别，但网络架构有 %2 个</translation>
        </message>
    </context>
    <context>
        <name>delineate::ml::SegmentationModel</name>
        <message>
            <source>cannot build the network: %1</source>
            <translation>无法构建网络：%1</translation>
        </message>
        <message>
            <source>%1: no such model file</source>
            <translation>%1：模型文件不存在</translation>
        </message>
        <message>
            <source>%1: cannot open the model file: %2</source>
            <translation>%1：无法打开模型文件：%2</translation>
        </message>
        <message>
            <source>%1: not a Delineate model file (it does not start with DELINEATE-MODEL)</source>
            <translation>%1：不是 Delineate 模型文件（未以 DELINEATE-MODEL 开头）</translation>
        </message>
        <message>
            <source>%1: the model file is truncated (in its header)</source>
            <translation>%1：模型文件被截断（位于头信息中）</translation>
        </message>
        <message>
            <source>%1: header format '%2' in a model file; expected 'delineate-unet'</source>
            <translation>%1：模型文件中的头信息格式为“%2”；应为“delineate-unet”</translation>
        </message>
        <message>
            <source>%1: the model file is truncated or has trailing bytes (weights: %2 bytes expected, %3 present)</source>
            <translation>%1：模型文件被截断或末尾有多余字节（权重应为 %2 字节，实际为 %3 字节）</translation>
        </message>
        <message>
            <source>%1: the weights do not fit the header's architecture: %2</source>
            <translation>%1：权重与头信息中的网络架构不符：%2</translation>
        </message>
        <message>
            <source>%1: cannot read the weights: %2</source>
            <translation>%1：无法读取权重：%2</translation>
        </message>
        <message>
            <source>%1: no model to save</source>
            <translation>%1：没有可保存的模型</translation>
        </message>
        <message>
            <source>%1: a TorchScript model cannot be saved as a Delineate model file</source>
            <translation>%1：TorchScript 模型无法保存为 Delineate 模型文件</translation>
        </message>
        <message>
            <source>%1: cannot serialise the weights: %2</source>
            <translation>%1：无法序列化权重：%2</translation>
        </message>
        <message>
            <source>%1: cannot write the model file: %2</source>
            <translation>%1：无法写入模型文件：%2</translation>
        </message>
    </context>
    <context>
        <name>delineate::ml::UNetArchitecture</name>
        <message>
            <source>unknown architecture '%1' (expected 'simple' or 'unet')</source>
            <translation>未知的网络架构“%1”（应为“simple”或“unet”）</translation>
        </message>
        <message>
            <source>architecture field '%1' is missing or not a number</source>
            <translation>网络架构字段“%1”缺失或不是数字</translation>
        </message>
        <message>
            <source>architecture values out of range (channels, depth 1-7, width, convolutions 1-2, dropout)</source>
            <translation>网络架构参数超出范围（通道数、深度 1-7、宽度、卷积数 1-2、丢弃率）</translation>
        </message>
        <message>
            <source>unknown normalization '%1' (none, batch, instance or group)</source>
            <translation>未知的归一化方式“%1”（none、batch、instance 或 group）</translation>
        </message>
        <message>
            <source>unknown activation '%1' (sigmoid or softmax)</source>
            <translation>未知的激活函数“%1”（sigmoid 或 softmax）</translation>
        </message>
        <message>
            <source>a sigmoid model has one output channel, not %1</source>
            <translation>sigmoid 模型只有一个输出通道，而不是 %1 个</translation>
        </message>
    </context>
</TS>
