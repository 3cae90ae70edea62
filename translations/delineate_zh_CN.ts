<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Brush</name>
    <message>
        <source>The brush radius must be positive.</source>
        <translation>画笔半径必须大于零。</translation>
    </message>
    <message>
        <source>Choose a label to paint (label 0 is the background).</source>
        <translation>请选择要绘制的标签（标签 0 是背景）。</translation>
    </message>
    <message>
        <source>%1 is locked: unlock it to paint or erase it.</source>
        <translation>%1 已锁定：请先解锁再绘制或擦除。</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>1 dab</source>
        <translation>1 笔点</translation>
    </message>
    <message>
        <source>%1 dabs</source>
        <translation>%1 笔点</translation>
    </message>
    <message>
        <source>%1, all labels, %2</source>
        <translation>%1，所有标签，%2</translation>
    </message>
    <message>
        <source>%1, %2, %3</source>
        <translation>%1，%2，%3</translation>
    </message>
    <message>
        <source>Threshold brush (%1 to %2)</source>
        <translation>阈值画笔（%1 至 %2）</translation>
    </message>
</context>
<context>
    <name>CheckpointSink</name>
    <message>
        <source>%1: cannot create its folder</source>
        <translation>%1：无法创建其文件夹</translation>
    </message>
    <message>
        <source>%1: cannot read the checkpoint (%2)</source>
        <translation>%1：无法读取检查点（%2）</translation>
    </message>
</context>
<context>
    <name>Compression</name>
    <message>
        <source>damaged compressed data (zlib status %1)</source>
        <translation>压缩数据已损坏（zlib 状态 %1）</translation>
    </message>
    <message>
        <source>damaged compressed data (%1 bytes cannot hold %2)</source>
        <translation>压缩数据已损坏（%1 字节无法容纳 %2）</translation>
    </message>
</context>
<context>
    <name>DeclaredImageSize</name>
    <message>
        <source>Rows x Columns x Frames x Samples x Bits = %1 x %2 x %3 x %4 x %5</source>
        <translation>行 x 列 x 帧 x 采样 x 位 = %1 x %2 x %3 x %4 x %5</translation>
    </message>
    <message>
        <source>%1: broken image: it declares %2 rows and %3 columns</source>
        <translation>%1：损坏的图像：声明了 %2 行和 %3 列</translation>
    </message>
    <message>
        <source>%1: broken image: BitsAllocated %2 is neither 1 nor a whole number of bytes up to 64</source>
        <translation>%1：损坏的图像：BitsAllocated %2 既不是 1，也不是不超过 64 的整字节位数</translation>
    </message>
    <message>
        <source>%1: broken image: SamplesPerPixel %2 is not 1, 3 or 4</source>
        <translation>%1：损坏的图像：SamplesPerPixel %2 不是 1、3 或 4</translation>
    </message>
    <message>
        <source>%1: broken image: it declares %2 frames</source>
        <translation>%1：损坏的图像：声明了 %2 帧</translation>
    </message>
    <message>
        <source>%1: the declared image size overflows 64-bit arithmetic (%2): refused</source>
        <translation>%1：声明的图像大小超出 64 位运算范围（%2）：已拒绝</translation>
    </message>
    <message>
        <source>%1: the declared image is too large to load (%2: %3 voxels, at most %4)</source>
        <translation>%1：声明的图像过大，无法加载（%2：%3 个体素，最多 %4）</translation>
    </message>
    <message>
        <source>%1: the declared image needs %2 of memory (%3), more than this computer&apos;s %4</source>
        <translation>%1：声明的图像需要 %2 内存（%3），超过本机的 %4</translation>
    </message>
    <message>
        <source>%1: one frame would hold %2 bytes (%3), more than DICOM&apos;s 4 GiB limit</source>
        <translation>%1：单帧将占 %2 字节（%3），超过 DICOM 的 4 GiB 上限</translation>
    </message>
    <message>
        <source>%1: the pixel data is shorter than declared: it holds %2 bytes, but %3 declares %4 bytes</source>
        <translation>%1：像素数据比声明的短：实际 %2 字节，而 %3 声明 %4 字节</translation>
    </message>
    <message>
        <source>the pixel data is longer than declared: it holds %1 bytes, but %2 declares %3 bytes; the extra bytes are ignored</source>
        <translation>像素数据比声明的长：实际 %1 字节，而 %2 声明 %3 字节；多余字节已忽略</translation>
    </message>
</context>
<context>
    <name>DelineateCli</name>
    <message>
        <source>Series to convert: its key or 1-based index (default: the one with most frames).</source>
        <translation>要转换的序列：其键或从 1 开始的序号（默认：帧数最多的序列）。</translation>
    </message>
    <message>
        <source>convert: INPUT and OUTPUT expected</source>
        <translation>convert：需要 INPUT 和 OUTPUT</translation>
    </message>
    <message>
        <source>%1: unsupported output format (use .nii, .nii.gz, .nrrd or .mha)</source>
        <translation>%1：不支持的输出格式（请使用 .nii、.nii.gz、.nrrd 或 .mha）</translation>
    </message>
    <message>
        <source>Describe every series of a DICOM folder/file or a volume file.</source>
        <translation>描述 DICOM 文件夹/文件或容积文件中的每个序列。</translation>
    </message>
    <message>
        <source>Print one JSON document.</source>
        <translation>输出一个 JSON 文档。</translation>
    </message>
    <message>
        <source>DICOM folder or file, or NIfTI/NRRD/MHA file</source>
        <translation>DICOM 文件夹或文件，或 NIfTI/NRRD/MHA 文件</translation>
    </message>
    <message>
        <source>info: exactly one PATH expected</source>
        <translation>info：需要且只需要一个 PATH</translation>
    </message>
    <message>
        <source>%1: no loadable image series</source>
        <translation>%1：没有可载入的图像序列</translation>
    </message>
    <message>
        <source>Series %1 %2 %3%4</source>
        <translation>序列 %1 %2 %3%4</translation>
    </message>
    <message>
        <source>  series UID: %1</source>
        <translation>  序列 UID：%1</translation>
    </message>
    <message>
        <source>  study UID:  %1</source>
        <translation>  检查 UID：%1</translation>
    </message>
    <message>
        <source>  dimensions: %1 x %2 x %3</source>
        <translation>  尺寸：    %1 x %2 x %3</translation>
    </message>
    <message>
        <source>  spacing:    %1 mm</source>
        <translation>  间距：    %1 毫米</translation>
    </message>
    <message>
        <source>  origin:     %1 mm (LPS)</source>
        <translation>  原点：    %1 毫米（LPS）</translation>
    </message>
    <message>
        <source>  axis %1:     %2</source>
        <translation>  轴 %1：    %2</translation>
    </message>
    <message>
        <source>  values:     %1 .. %2 (%3)</source>
        <translation>  数值：    %1 .. %2（%3）</translation>
    </message>
    <message>
        <source>  warning:    %1</source>
        <translation>  警告：    %1</translation>
    </message>
    <message>
        <source>Object %1 %2 %3</source>
        <translation>对象 %1 %2 %3</translation>
    </message>
    <message>
        <source>PATH [--json]  describe every series of a DICOM folder/file or a volume file</source>
        <translation>PATH [--json]  描述 DICOM 文件夹/文件或容积文件中的每个序列</translation>
    </message>
    <message>
        <source>VOLUME FOLDER  write a volume as a DICOM series (test data)</source>
        <translation>VOLUME FOLDER  将容积写为 DICOM 序列（测试数据）</translation>
    </message>
    <message>
        <source>--model M --input IN --output OUT  run a U-Net model</source>
        <translation>--model M --input IN --output OUT  运行 U-Net 模型</translation>
    </message>
    <message>
        <source>usage: delineate-cli COMMAND [ARGS]</source>
        <translation>用法：delineate-cli COMMAND [ARGS]</translation>
    </message>
    <message>
        <source>commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>&apos;delineate-cli COMMAND --help&apos; describes one command.</source>
        <translation>“delineate-cli COMMAND --help”可查看某个命令的说明。</translation>
    </message>
    <message>
        <source>delineate-cli %1</source>
        <translation>delineate-cli %1</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>Write a volume file as a DICOM series (one file per slice).</source>
        <translation>将容积文件写为 DICOM 序列（每层一个文件）。</translation>
    </message>
    <message>
        <source>Resample slices to N x N pixels.</source>
        <translation>将各层重采样为 N x N 像素。</translation>
    </message>
    <message>
        <source>Resample to N slices.</source>
        <translation>重采样为 N 层。</translation>
    </message>
    <message>
        <source>CT or MR (default MR).</source>
        <translation>CT 或 MR（默认 MR）。</translation>
    </message>
    <message>
        <source>Series description.</source>
        <translation>序列描述。</translation>
    </message>
    <message>
        <source>NIfTI, NRRD or MHA file</source>
        <translation>NIfTI、NRRD 或 MHA 文件</translation>
    </message>
    <message>
        <source>output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <source>make-series: VOLUME and FOLDER expected</source>
        <translation>make-series：需要 VOLUME 和 FOLDER</translation>
    </message>
    <message>
        <source>make-series: --modality must be CT or MR</source>
        <translation>make-series：--modality 必须为 CT 或 MR</translation>
    </message>
    <message>
        <source>make-series: --%1 must be a number from 1 to 4096</source>
        <translation>make-series：--%1 必须是 1 到 4096 之间的数字</translation>
    </message>
    <message>
        <source>Made from %1</source>
        <translation>由 %1 生成</translation>
    </message>
    <message>
        <source>--%1 is required (see --help)</source>
        <translation>必须提供 --%1（参见 --help）</translation>
    </message>
    <message>
        <source>--reference SERIES --strokes FILE --output MASK  apply brush strokes, journalled</source>
        <translation>--reference SERIES --strokes FILE --output MASK  应用画笔笔画（写入恢复日志）</translation>
    </message>
    <message>
        <source>--list | --journal J --reference SERIES --output MASK  restore unsaved edits</source>
        <translation>--list | --journal J --reference SERIES --output MASK  恢复未保存的编辑</translation>
    </message>
    <message>
        <source>MODEL [--json] [--set-modality M ...]  show or edit a model&apos;s header</source>
        <translation>MODEL [--json] [--set-modality M ...]  显示或编辑模型头信息</translation>
    </message>
    <message numerus="yes">
        <source>%1: no image series could be loaded (%n file(s) or series refused, reasons above)</source>
        <translation>
            <numerusform>%1：无法加载任何图像序列（%n 个文件或序列被拒绝，原因见上）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: unsupported label file type (use .nii.gz, .nii, .seg.nrrd, .nrrd, .mha or .dcm for DICOM SEG)</source>
        <translation>%1：不支持的标签文件类型（请使用 .nii.gz、.nii、.seg.nrrd、.nrrd、.mha，或用于 DICOM SEG 的 .dcm）</translation>
    </message>
    <message>
        <source>%1: a label map needs --reference SERIES to be written as a DICOM SEG</source>
        <translation>%1：标签图需要 --reference SERIES 才能写为 DICOM SEG</translation>
    </message>
    <message>
        <source>Write a DICOM series or a volume file as NIfTI, NRRD or MHA; a label map as a label file or a DICOM SEG (.dcm, with --reference); a DICOM SEG as a label file.</source>
        <translation>将 DICOM 序列或体数据文件写为 NIfTI、NRRD 或 MHA；将标签图写为标签文件或 DICOM SEG（.dcm，需 --reference）；将 DICOM SEG 写为标签文件。</translation>
    </message>
    <message>
        <source>INPUT is a label map of this series (DICOM folder/file or volume file): refused unless it lies on the series&apos; grid, then written on that grid. For a DICOM SEG INPUT: where to find the series it refers to (default: the SEG&apos;s folder).</source>
        <translation>INPUT 是该序列（DICOM 文件夹/文件或体数据文件）的标签图：不在该序列网格上则拒绝，否则写在该网格上。若 INPUT 为 DICOM SEG：在此查找其引用的序列（默认：SEG 所在文件夹）。</translation>
    </message>
    <message>
        <source>DICOM folder/file, DICOM SEG, volume or label file</source>
        <translation>DICOM 文件夹/文件、DICOM SEG、体数据或标签文件</translation>
    </message>
    <message>
        <source>.nii, .nii.gz, .nrrd or .mha file, or .dcm for a DICOM SEG</source>
        <translation>.nii、.nii.gz、.nrrd 或 .mha 文件，或用于 DICOM SEG 的 .dcm</translation>
    </message>
    <message>
        <source>INPUT OUTPUT [--reference SERIES]  write a series, volume, label map (onto SERIES&apos; grid) or DICOM SEG as NIfTI, NRRD, MHA or DICOM SEG (.dcm)</source>
        <translation>INPUT OUTPUT [--reference SERIES]  将序列、体数据、标签图（在 SERIES 网格上）或 DICOM SEG 写为 NIfTI、NRRD、MHA 或 DICOM SEG（.dcm）</translation>
    </message>
    <message>
        <source>--data DIR | --store S --output MODEL [--from MODEL]  train or fine-tune a U-Net</source>
        <translation>--data DIR | --store S --output MODEL [--from MODEL]  训练或微调 U-Net</translation>
    </message>
    <message>
        <source>--prediction P --reference R [--json]  Dice, IoU, HD95, surface distance, pixel error</source>
        <translation>--prediction P --reference R [--json]  Dice、IoU、HD95、表面距离、像素误差</translation>
    </message>
    <message>
        <source>ACTION --store S ...  a store&apos;s model versions: list, compare, promote, rollback</source>
        <translation>ACTION --store S ...  样本库的模型版本：列出、比较、启用、回退</translation>
    </message>
    <message>
        <source>ACTION --store S ...  the training-sample store: add, list, import, check, set-split, remove, export-dataset</source>
        <translation>ACTION --store S ...  训练样本库：添加、列出、导入、检查、设置划分、删除、导出数据集</translation>
    </message>
    <message>
        <source>store add: --image and --mask are required</source>
        <translation>store add：需要 --image 和 --mask</translation>
    </message>
    <message>
        <source>%1: %2 sample(s), %3 train, %4 validation (split version %5)</source>
        <translation>%1：%2 个样本，训练 %3，验证 %4（划分版本 %5）</translation>
    </message>
    <message>
        <source>store import: --data FOLDER is required</source>
        <translation>store import：需要 --data FOLDER</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s) found</source>
        <translation>
            <numerusform>%1：发现 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 sample(s), all files as recorded</source>
        <translation>%1：%2 个样本，所有文件与记录一致</translation>
    </message>
    <message>
        <source>The training-sample store. Actions: add (--image SERIES --mask MASK [--reviewed-only]), list [--json], import (--data FOLDER [--train-range R --val-range R]), check, set-split (--sample ID --split train|validation), remove (--sample ID), export-dataset (--output DIR --dataset-id N --name NAME [--channel NAME]).</source>
        <translation>训练样本库。操作：add（--image SERIES --mask MASK [--reviewed-only]）、list [--json]、import（--data FOLDER [--train-range R --val-range R]）、check、set-split（--sample ID --split train|validation）、remove（--sample ID）、export-dataset（--output DIR --dataset-id N --name NAME [--channel NAME]）。</translation>
    </message>
    <message>
        <source>add, list, import, check, set-split, remove or export-dataset</source>
        <translation>add、list、import、check、set-split、remove 或 export-dataset</translation>
    </message>
    <message>
        <source>Store folder (created by the first add or import).</source>
        <translation>样本库文件夹（首次 add 或 import 时创建）。</translation>
    </message>
    <message>
        <source>add: the image (DICOM folder/file or volume file).</source>
        <translation>add：图像（DICOM 文件夹/文件或体数据文件）。</translation>
    </message>
    <message>
        <source>add: which series of a DICOM folder (key or 1-based index).</source>
        <translation>add：DICOM 文件夹中的哪个序列（键或从 1 开始的序号）。</translation>
    </message>
    <message>
        <source>add: the accepted mask (label file on the image&apos;s grid, or a DICOM SEG).</source>
        <translation>add：已确认的掩膜（图像网格上的标签文件或 DICOM SEG）。</translation>
    </message>
    <message>
        <source>add: only the slices marked reviewed in the mask&apos;s file train.</source>
        <translation>add：只用掩膜文件中标记为已审阅的切片训练。</translation>
    </message>
    <message>
        <source>add, import: the annotator&apos;s name recorded with the samples.</source>
        <translation>add、import：随样本记录的标注者姓名。</translation>
    </message>
    <message>
        <source>import: a folder with image/ and label/.</source>
        <translation>import：包含 image/ 和 label/ 的文件夹。</translation>
    </message>
    <message>
        <source>import: pairs (0-based, natural order) for training, e.g. 0-23.</source>
        <translation>import：用于训练的图像对（从 0 开始、自然顺序），如 0-23。</translation>
    </message>
    <message>
        <source>import: pairs for validation, e.g. 24-29.</source>
        <translation>import：用于验证的图像对，如 24-29。</translation>
    </message>
    <message>
        <source>import: a label file&apos;s non-zero voxels are label 1.</source>
        <translation>import：标签文件中非零体素视为标签 1。</translation>
    </message>
    <message>
        <source>set-split, remove: the sample&apos;s id.</source>
        <translation>set-split、remove：样本的 id。</translation>
    </message>
    <message>
        <source>set-split: train or validation.</source>
        <translation>set-split：train 或 validation。</translation>
    </message>
    <message>
        <source>export-dataset: the nnU-Net raw folder to write into.</source>
        <translation>export-dataset：要写入的 nnU-Net raw 文件夹。</translation>
    </message>
    <message>
        <source>export-dataset: nnU-Net dataset number (1-999).</source>
        <translation>export-dataset：nnU-Net 数据集编号（1-999）。</translation>
    </message>
    <message>
        <source>export-dataset: dataset name.</source>
        <translation>export-dataset：数据集名称。</translation>
    </message>
    <message>
        <source>export-dataset: the image channel&apos;s name (default: image).</source>
        <translation>export-dataset：图像通道名称（默认：image）。</translation>
    </message>
    <message>
        <source>list: JSON output.</source>
        <translation>list：以 JSON 输出。</translation>
    </message>
    <message>
        <source>No progress on stderr.</source>
        <translation>不在 stderr 上输出进度。</translation>
    </message>
    <message>
        <source>store: one ACTION expected (add, list, import, check, set-split, remove, export-dataset)</source>
        <translation>store：需要一个 ACTION（add、list、import、check、set-split、remove、export-dataset）</translation>
    </message>
    <message>
        <source>store: unknown action &apos;%1&apos;</source>
        <translation>store：未知操作“%1”</translation>
    </message>
    <message>
        <source>store set-split: --sample ID and --split train|validation are required</source>
        <translation>store set-split：需要 --sample ID 和 --split train|validation</translation>
    </message>
    <message>
        <source>store remove: --sample ID is required</source>
        <translation>store remove：需要 --sample ID</translation>
    </message>
    <message>
        <source>store export-dataset: --output DIR, --dataset-id N and --name NAME are required</source>
        <translation>store export-dataset：需要 --output DIR、--dataset-id N 和 --name NAME</translation>
    </message>
    <message>
        <source>--image I --mask M [--atlas A] --output LABELS  the label map for train --synth-labels</source>
        <translation>--image I --mask M [--atlas A] --output LABELS  生成 train --synth-labels 所用的标签图</translation>
    </message>
</context>
<context>
    <name>DicomFileHeader</name>
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
        <source>%1 &apos;%2&apos; is not a number; %3 assumed</source>
        <translation>%1“%2”不是数字；按 %3 处理</translation>
    </message>
    <message>
        <source>RescaleSlope is 0, which would erase the image; 1 assumed</source>
        <translation>RescaleSlope 为 0，会抹去整幅图像；按 1 处理</translation>
    </message>
    <message>
        <source>PixelSpacing &apos;%1&apos; is not a valid spacing; ImagerPixelSpacing %2 x %3 mm used instead</source>
        <translation>PixelSpacing“%1”不是有效间距；改用 ImagerPixelSpacing %2 x %3 mm</translation>
    </message>
    <message>
        <source>%1 &apos;%2&apos; is not a valid spacing (two positive numbers); 1 mm assumed</source>
        <translation>%1“%2”不是有效间距（应为两个正数）；按 1 mm 处理</translation>
    </message>
    <message>
        <source>NumberOfFrames &apos;%1&apos; is not a positive whole number; 1 assumed</source>
        <translation>NumberOfFrames“%1”不是正整数；按 1 处理</translation>
    </message>
    <message>
        <source>ImageOrientationPatient &apos;%1&apos; is not two perpendicular unit vectors; the slice geometry is unknown</source>
        <translation>ImageOrientationPatient“%1”不是两个相互垂直的单位向量；切片几何未知</translation>
    </message>
    <message>
        <source>ImageOrientationPatient &apos;%1&apos; is not six numbers; the slice geometry is unknown</source>
        <translation>ImageOrientationPatient“%1”不是六个数字；切片几何未知</translation>
    </message>
    <message>
        <source>ImagePositionPatient &apos;%1&apos; is not three numbers; the slice position is unknown</source>
        <translation>ImagePositionPatient“%1”不是三个数字；切片位置未知</translation>
    </message>
    <message>
        <source>%1: broken image: the %2 object has no pixel data (is the file cut short?)</source>
        <translation>%1：损坏的图像：%2 对象没有像素数据（文件是否被截断？）</translation>
    </message>
    <message>
        <source>image</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>BitsStored %1 does not fit BitsAllocated %2; %2 assumed</source>
        <translation>BitsStored %1 与 BitsAllocated %2 不符；按 %2 处理</translation>
    </message>
    <message>
        <source>no PixelSpacing; 1 mm assumed</source>
        <translation>无 PixelSpacing；按 1 mm 处理</translation>
    </message>
    <message>
        <source>%1: not a readable DICOM file: it is empty (0 bytes)</source>
        <translation>%1：不是可读的 DICOM 文件：文件为空（0 字节）</translation>
    </message>
    <message>
        <source>%1: not a readable DICOM file: it ends early, cut short (an interrupted copy or transfer?) (%2)</source>
        <translation>%1：不是可读的 DICOM 文件：文件提前结束，被截断（复制或传输中断？）（%2）</translation>
    </message>
    <message>
        <source>%1: not a readable DICOM file: it starts as one but is damaged or cut short (%2)</source>
        <translation>%1：不是可读的 DICOM 文件：开头像 DICOM，但已损坏或被截断（%2）</translation>
    </message>
    <message>
        <source>%1: not a readable DICOM file: it is damaged or misencoded: its data elements do not follow the encoding its header declares (%2)</source>
        <translation>%1：不是可读取的 DICOM 文件：文件已损坏或编码错误：其数据元素不符合文件头声明的编码（%2）</translation>
    </message>
</context>
<context>
    <name>DicomScanner</name>
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
</context>
<context>
    <name>DicomSeg</name>
    <message>
        <source>%1: not a readable DICOM file (%2)</source>
        <translation>%1：不是可读取的 DICOM 文件（%2）</translation>
    </message>
    <message>
        <source>%1: not a DICOM segmentation (SOP class %2)</source>
        <translation>%1：不是 DICOM 分割（SOP 类 %2）</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>%1 series %2</source>
        <translation>%1 序列 %2</translation>
    </message>
    <message>
        <source>%1: unknown segmentation type &apos;%2&apos;</source>
        <translation>%1：未知的分割类型“%2”</translation>
    </message>
    <message>
        <source>%1 refers to another series, not to the open %2 (their Series Instance UIDs differ)</source>
        <translation>%1 引用的是另一个序列，而不是已打开的 %2（二者的 Series Instance UID 不同）</translation>
    </message>
    <message>
        <source>%1: its frames are %2 x %3 pixels, the series&apos; slices %4 x %5</source>
        <translation>%1：其帧为 %2 x %3 像素，而序列切片为 %4 x %5</translation>
    </message>
    <message>
        <source>%1: BitsAllocated %2 does not fit a %3 segmentation</source>
        <translation>%1：BitsAllocated %2 与 %3 分割不符</translation>
    </message>
    <message>
        <source>%1: a fractional segmentation without MaximumFractionalValue</source>
        <translation>%1：分数分割缺少 MaximumFractionalValue</translation>
    </message>
    <message>
        <source>%1: the segmentation lists no segments</source>
        <translation>%1：该分割未列出任何分段</translation>
    </message>
    <message>
        <source>%1: segment %2 has no SegmentNumber</source>
        <translation>%1：分段 %2 没有 SegmentNumber</translation>
    </message>
    <message>
        <source>%1: the segmentation has no pixel data</source>
        <translation>%1：该分割没有像素数据</translation>
    </message>
    <message>
        <source>%1: cannot decode the compressed pixel data (%2)</source>
        <translation>%1：无法解码压缩的像素数据（%2）</translation>
    </message>
    <message>
        <source>%1: cannot read the pixel data</source>
        <translation>%1：无法读取像素数据</translation>
    </message>
    <message>
        <source>%1: the pixel data holds %2 bytes, %3 frames need %4</source>
        <translation>%1：像素数据有 %2 字节，%3 帧需要 %4 字节</translation>
    </message>
    <message>
        <source>%1: frame %2 names no segment</source>
        <translation>%1：第 %2 帧未指明分段</translation>
    </message>
    <message>
        <source>%1: frame %2 refers to segment %3, which is not listed</source>
        <translation>%1：第 %2 帧引用了未列出的分段 %3</translation>
    </message>
    <message>
        <source>%1: frame %2 references no slice of the series %3 and has no position</source>
        <translation>%1：第 %2 帧未引用序列 %3 的任何切片，且没有位置</translation>
    </message>
    <message>
        <source>%1: frame %2 is oriented differently from the series %3 (%4)</source>
        <translation>%1：第 %2 帧的方向与序列 %3 不同（%4）</translation>
    </message>
    <message>
        <source>%1: frame %2 at (%3, %4, %5) mm lies on no slice of the series %6</source>
        <translation>%1：位于 (%3, %4, %5) mm 的第 %2 帧不在序列 %6 的任何切片上</translation>
    </message>
    <message>
        <source>%1: frame %2 holds value %3, which no segment lists</source>
        <translation>%1：第 %2 帧含有值 %3，但没有分段列出该值</translation>
    </message>
    <message numerus="yes">
        <source>fractional segmentation: voxels of at least half the maximum value (%1 of %2) taken as the segment; %n voxel(s) held values between 0 and the maximum</source>
        <translation>
            <numerusform>分数分割：值至少为最大值一半（%2 中的 %1）的体素视为该分段；%n 个体素的值介于 0 与最大值之间</numerusform>
        </translation>
    </message>
    <message>
        <source>overlapping segments: kept on %1 layers</source>
        <translation>分段重叠：保存在 %1 个图层上</translation>
    </message>
    <message>
        <source>frames matched to slices by their positions</source>
        <translation>帧按位置与切片匹配</translation>
    </message>
    <message>
        <source>drawn on the source slices of a series regularised on loading: resampled onto the regular grid (nearest neighbour)</source>
        <translation>绘制于加载时被规整化序列的原始切片上：已重采样到规整网格（最近邻）</translation>
    </message>
    <message>
        <source>%1 names no series it refers to, and %2 holds more than one</source>
        <translation>%1 未指明引用的序列，而 %2 中有多个序列</translation>
    </message>
    <message>
        <source>%1 refers to a series that is not in %2 (no series there has its Series Instance UID)</source>
        <translation>%1 引用的序列不在 %2 中（那里没有序列具有其 Series Instance UID）</translation>
    </message>
    <message>
        <source>%1: cannot write the segmentation: %2 (%3)</source>
        <translation>%1：无法写入分割：%2（%3）</translation>
    </message>
    <message>
        <source>%1: the segmentation does not lie on the grid of the series it is saved for</source>
        <translation>%1：该分割不在其所保存序列的网格上</translation>
    </message>
    <message>
        <source>%1: a DICOM segmentation needs a DICOM source series</source>
        <translation>%1：DICOM 分割需要 DICOM 源序列</translation>
    </message>
    <message>
        <source>%1: slices of %2 x %3 pixels are too large for DICOM</source>
        <translation>%1：%2 x %3 像素的切片对 DICOM 而言过大</translation>
    </message>
    <message>
        <source>the series was regularised on loading: the frames carry their own positions and the frame of reference, but no source image reference</source>
        <translation>该序列在加载时被规整化：各帧带有自身位置和参考坐标系，但没有源图像引用</translation>
    </message>
    <message>
        <source>Segmentation made with Delineate</source>
        <translation>用 Delineate 制作的分割</translation>
    </message>
    <message>
        <source>reading patient and study from %1</source>
        <translation>从 %1 读取患者和检查信息</translation>
    </message>
    <message>
        <source>%1: cannot write the segmentation: %2</source>
        <translation>%1：无法写入分割：%2</translation>
    </message>
    <message>
        <source>%1 has no voxels and was left out</source>
        <translation>%1 没有体素，已略去</translation>
    </message>
    <message>
        <source>%1: label %2 saved as segment %3</source>
        <translation>%1：标签 %2 保存为分段 %3</translation>
    </message>
    <message>
        <source>frame of %1 on slice %2</source>
        <translation>%1 在切片 %2 上的帧</translation>
    </message>
    <message>
        <source>%1: the segmentation is empty; a DICOM segmentation needs at least one segment with voxels</source>
        <translation>%1：分割为空；DICOM 分割至少需要一个含体素的分段</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>编码</translation>
    </message>
    <message>
        <source>saving</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>AI results: research use, not for diagnosis.</source>
        <translation>AI 结果：仅供研究使用，不用于诊断。</translation>
    </message>
</context>
<context>
    <name>EditCommands</name>
    <message>
        <source>Apply brush strokes from a file (one JSON object per line, see docs/editing.md) to a segmentation of a series. Every stroke is one edit, written to a recovery journal before the next starts.</source>
        <translation>将文件中的画笔笔画（每行一个 JSON 对象，见 docs/editing.md）应用到某序列的分割上。每个笔画是一次编辑，在下一次开始前写入恢复日志。</translation>
    </message>
    <message>
        <source>The image series (DICOM folder/file or volume file).</source>
        <translation>图像序列（DICOM 文件夹/文件或体数据文件）。</translation>
    </message>
    <message>
        <source>Which series of SERIES (key or 1-based index).</source>
        <translation>SERIES 中的哪个序列（键或从 1 开始的序号）。</translation>
    </message>
    <message>
        <source>Start from this label file (default: empty).</source>
        <translation>从此标签文件开始（默认：空）。</translation>
    </message>
    <message>
        <source>The stroke file.</source>
        <translation>笔画文件。</translation>
    </message>
    <message>
        <source>Label file to write (.nii.gz, .nrrd, ...).</source>
        <translation>要写出的标签文件（.nii.gz、.nrrd 等）。</translation>
    </message>
    <message>
        <source>Also save OUT after every N strokes.</source>
        <translation>每 N 个笔画后也保存 OUT。</translation>
    </message>
    <message>
        <source>Recovery folder (default: the app&apos;s).</source>
        <translation>恢复文件夹（默认：应用程序的文件夹）。</translation>
    </message>
    <message>
        <source>Print a JSON summary.</source>
        <translation>输出 JSON 摘要。</translation>
    </message>
    <message>
        <source>%1: unsupported label file type (use .nii.gz, .nii, .seg.nrrd, .nrrd or .mha)</source>
        <translation>%1：不支持的标签文件类型（请使用 .nii.gz、.nii、.seg.nrrd、.nrrd 或 .mha）</translation>
    </message>
    <message>
        <source>--save-every needs a positive number</source>
        <translation>--save-every 需要一个正数</translation>
    </message>
    <message>
        <source>%1: cannot read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1, stroke %2: %3</source>
        <translation>%1，第 %2 个笔画：%3</translation>
    </message>
    <message>
        <source>List the recovery journals left by sessions that did not end cleanly, or restore one onto its series.</source>
        <translation>列出未正常结束的会话留下的恢复日志，或将其中一个恢复到其序列上。</translation>
    </message>
    <message>
        <source>List the journals in the recovery folder.</source>
        <translation>列出恢复文件夹中的日志。</translation>
    </message>
    <message>
        <source>The journal to restore.</source>
        <translation>要恢复的日志。</translation>
    </message>
    <message>
        <source>Its image series (DICOM folder/file or volume file).</source>
        <translation>其图像序列（DICOM 文件夹/文件或体数据文件）。</translation>
    </message>
    <message>
        <source>Label file to write the restored segmentation to.</source>
        <translation>写出恢复后分割的标签文件。</translation>
    </message>
    <message>
        <source>Machine-readable output.</source>
        <translation>机器可读的输出。</translation>
    </message>
    <message>
        <source>%1 edits</source>
        <translation>%1 次编辑</translation>
    </message>
    <message>
        <source>%1: the journal belongs to another series than %2</source>
        <translation>%1：该日志属于另一个序列，而非 %2</translation>
    </message>
    <message>
        <source>%1 records restored to %2</source>
        <translation>已将 %1 条记录恢复到 %2</translation>
    </message>
    <message>
        <source>%1 ends in an incomplete record at byte %2 (%3); every complete record before it was restored</source>
        <translation>%1 在第 %2 字节处以不完整的记录结束（%3）；之前的所有完整记录均已恢复</translation>
    </message>
</context>
<context>
    <name>EditRecord</name>
    <message>
        <source>damaged edit record (%1)</source>
        <translation>编辑记录已损坏（%1）</translation>
    </message>
    <message>
        <source>layer %1 does not exist</source>
        <translation>图层 %1 不存在</translation>
    </message>
    <message>
        <source>a run lies outside the volume</source>
        <translation>有一段体素位于体数据之外</translation>
    </message>
    <message>
        <source>%1 voxels where %2 were recorded</source>
        <translation>%1 个体素，而记录的是 %2 个</translation>
    </message>
    <message>
        <source>layer diff header</source>
        <translation>图层差异头</translation>
    </message>
    <message>
        <source>the AI result has another size</source>
        <translation>AI 结果的尺寸不同</translation>
    </message>
    <message>
        <source>unknown version</source>
        <translation>未知版本</translation>
    </message>
    <message>
        <source>header</source>
        <translation>记录头</translation>
    </message>
    <message>
        <source>edit record</source>
        <translation>编辑记录</translation>
    </message>
    <message>
        <source>truncated</source>
        <translation>被截断</translation>
    </message>
    <message>
        <source>AI result</source>
        <translation>AI 结果</translation>
    </message>
    <message>
        <source>AI result layer</source>
        <translation>AI 结果图层</translation>
    </message>
    <message>
        <source>The reviewed slices of an edit do not fit the segmentation.</source>
        <translation>编辑中的已审阅切片与分割不匹配。</translation>
    </message>
    <message>
        <source>reviewed slices</source>
        <translation>已审阅切片</translation>
    </message>
</context>
<context>
    <name>EngineLoader</name>
    <message>
        <source>The segmentation engine (%1) is not installed: looked in %2.</source>
        <translation>未安装分割引擎（%1）：已在 %2 中查找。</translation>
    </message>
    <message>
        <source>The segmentation engine %1 could not be loaded: %2</source>
        <translation>无法加载分割引擎 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a segmentation engine of this version of Delineate.</source>
        <translation>%1 不是此版本 Delineate 的分割引擎。</translation>
    </message>
    <message>
        <source>The segmentation engine %1 failed to start.</source>
        <translation>分割引擎 %1 启动失败。</translation>
    </message>
</context>
<context>
    <name>GeometryMatch</name>
    <message>
        <source>%1 x %2 x %3 voxels of %4 x %5 x %6 mm, origin (%7, %8, %9) mm, axes %10</source>
        <translation>%1 x %2 x %3 个体素，体素 %4 x %5 x %6 mm，原点 (%7, %8, %9) mm，轴向 %10</translation>
    </message>
    <message>
        <source>the sizes differ</source>
        <translation>尺寸不同</translation>
    </message>
    <message>
        <source>the axis directions differ by more than 1e-4</source>
        <translation>轴方向相差超过 1e-4</translation>
    </message>
    <message>
        <source>its voxels lie up to %1 voxels away from the series&apos; voxels (origin or spacing differ by more than 1 % of a voxel)</source>
        <translation>其体素与序列体素最多相距 %1 个体素（原点或间距相差超过一个体素的 1 %）</translation>
    </message>
    <message>
        <source>The mask %1 does not fit the series %2: %3.
Mask:   %4
Series: %5</source>
        <translation>掩膜 %1 与序列 %2 不匹配：%3。
掩膜：%4
序列：%5</translation>
    </message>
</context>
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
    <name>ImageSource</name>
    <message>
        <source>%1: no readable DICOM image among %2 files</source>
        <translation>%1：%2 个文件中没有可读取的 DICOM 图像</translation>
    </message>
    <message>
        <source>%1: no DICOM image series found</source>
        <translation>%1：未找到 DICOM 图像序列</translation>
    </message>
    <message>
        <source>%1: no series &apos;%2&apos; (there are %3)</source>
        <translation>%1：没有序列“%2”（共有 %3 个）</translation>
    </message>
    <message>
        <source>%1: the spacing of axis %2 (%3) is not a positive number; 1 mm assumed</source>
        <translation>%1：轴 %2 的间距（%3）不是正数；按 1 mm 处理</translation>
    </message>
    <message>
        <source>%1: the image origin is not a finite position; 0 assumed</source>
        <translation>%1：图像原点不是有限位置；按 0 处理</translation>
    </message>
</context>
<context>
    <name>Inference</name>
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
        <source>model &apos;%1&apos; expects %2 input channels; only single-channel images are supported</source>
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
        <source>model &apos;%1&apos; failed on this image: %2</source>
        <translation>模型“%1”处理此图像时失败：%2</translation>
    </message>
</context>
<context>
    <name>JpegLsDecoder</name>
    <message>
        <source>CharLS 2 (libcharls.so.2) is not available</source>
        <translation>CharLS 2（libcharls.so.2）不可用</translation>
    </message>
    <message>
        <source>CharLS could not create a decoder</source>
        <translation>CharLS 无法创建解码器</translation>
    </message>
</context>
<context>
    <name>LabelEdits</name>
    <message>
        <source>label %1 %2</source>
        <translation>标签 %1 %2</translation>
    </message>
    <message>
        <source>label %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>All 65535 label values are in use.</source>
        <translation>全部 65535 个标签值都已使用。</translation>
    </message>
    <message>
        <source>Add label %1</source>
        <translation>添加标签 %1</translation>
    </message>
    <message>
        <source>Label 0 is the background.</source>
        <translation>标签 0 是背景。</translation>
    </message>
    <message>
        <source>There is no label %1.</source>
        <translation>没有标签 %1。</translation>
    </message>
    <message>
        <source>%1 is locked: unlock it before removing it.</source>
        <translation>%1 已锁定：请先解锁再删除。</translation>
    </message>
    <message>
        <source>Finish the edit in progress first.</source>
        <translation>请先完成正在进行的编辑。</translation>
    </message>
    <message>
        <source>Remove %1 (%2 voxels)</source>
        <translation>删除 %1（%2 个体素）</translation>
    </message>
    <message>
        <source>Rename %1 to &quot;%2&quot;</source>
        <translation>将 %1 重命名为“%2”</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>显示 %1</translation>
    </message>
    <message>
        <source>Hide %1</source>
        <translation>隐藏 %1</translation>
    </message>
    <message>
        <source>Lock %1</source>
        <translation>锁定 %1</translation>
    </message>
    <message>
        <source>Unlock %1</source>
        <translation>解锁 %1</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>%1 的颜色</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>更改 %1</translation>
    </message>
    <message>
        <source>Review of %1: %2</source>
        <translation>%1 的审阅状态：%2</translation>
    </message>
    <message>
        <source>Meaning of %1: %2</source>
        <translation>%1 的含义：%2</translation>
    </message>
    <message>
        <source>There is no such slice to mark.</source>
        <translation>没有可标记的该切片。</translation>
    </message>
    <message>
        <source>Slice %1 (%2) reviewed</source>
        <translation>切片 %1（%2）已审阅</translation>
    </message>
    <message>
        <source>Slice %1 (%2) no longer reviewed</source>
        <translation>切片 %1（%2）取消审阅</translation>
    </message>
    <message>
        <source>The segmentation has 256 layers already, the most it can hold.</source>
        <translation>分割已有 256 个层，已达上限。</translation>
    </message>
    <message>
        <source>Add label %1 on layer %2</source>
        <translation>在第 %2 层添加标签 %1</translation>
    </message>
</context>
<context>
    <name>LabelTable</name>
    <message>
        <source>Label %1</source>
        <translation>标签 %1</translation>
    </message>
    <message>
        <source>Label value 0 is the background and cannot be named.</source>
        <translation>标签值 0 是背景，不能命名。</translation>
    </message>
    <message>
        <source>Label %1 has a negative layer number.</source>
        <translation>标签 %1 的图层编号为负数。</translation>
    </message>
    <message>
        <source>%1: a label entry is not a JSON object</source>
        <translation>%1：某个标签条目不是 JSON 对象</translation>
    </message>
    <message>
        <source>%1: label value %2 is outside 1..65535</source>
        <translation>%1：标签值 %2 不在 1..65535 范围内</translation>
    </message>
    <message>
        <source>%1: label value %2 is listed twice</source>
        <translation>%1：标签值 %2 出现了两次</translation>
    </message>
    <message>
        <source>%1: label %2 has an unreadable colour &quot;%3&quot;</source>
        <translation>%1：标签 %2 的颜色“%3”无法识别</translation>
    </message>
    <message>
        <source>%1: label %2 names layer %3</source>
        <translation>%1：标签 %2 指定了图层 %3</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Flagged</source>
        <translation>已标记待查</translation>
    </message>
</context>
<context>
    <name>LabelTools</name>
    <message>
        <source>Choose a label (label 0 is the background).</source>
        <translation>请选择一个标签（标签 0 为背景）。</translation>
    </message>
    <message>
        <source>%1 is locked: unlock it first.</source>
        <translation>%1 已锁定：请先解锁。</translation>
    </message>
    <message>
        <source>The image and the segmentation differ in size.</source>
        <translation>图像与分割的尺寸不一致。</translation>
    </message>
    <message>
        <source>The seed lies outside the image.</source>
        <translation>种子点位于图像之外。</translation>
    </message>
    <message>
        <source>The region grows past %1 voxels: lower the tolerance.</source>
        <translation>区域增长超过 %1 个体素：请降低容差。</translation>
    </message>
    <message>
        <source>Fill %1, %2, %3 voxels (%4 %5)</source>
        <translation>填充 %1，%2，%3 个体素（%4 %5）</translation>
    </message>
    <message>
        <source>3D</source>
        <translation>3D</translation>
    </message>
    <message>
        <source>2D</source>
        <translation>2D</translation>
    </message>
    <message>
        <source>Lasso erase, %1, %2 voxels</source>
        <translation>套索擦除，%1，%2 个体素</translation>
    </message>
    <message>
        <source>Lasso, %1, %2 voxels</source>
        <translation>套索，%1，%2 个体素</translation>
    </message>
    <message>
        <source>The slice axis must be 0, 1 or 2.</source>
        <translation>切片轴必须为 0、1 或 2。</translation>
    </message>
    <message>
        <source>Draw %1 on at least two slices to interpolate between them.</source>
        <translation>请在至少两个切片上绘制 %1，才能在它们之间插值。</translation>
    </message>
    <message>
        <source>Interpolate %1 across %2 slices</source>
        <translation>在 %2 个切片间插值 %1</translation>
    </message>
    <message>
        <source>Keep the largest island of %1 (%2 removed)</source>
        <translation>保留 %1 的最大连通区域（已移除 %2 个）</translation>
    </message>
    <message>
        <source>Remove islands of %1 under %2 voxels (%3 removed)</source>
        <translation>移除 %1 中小于 %2 个体素的孤立区域（已移除 %3 个）</translation>
    </message>
    <message>
        <source>The smoothing radius must be positive.</source>
        <translation>平滑半径必须为正数。</translation>
    </message>
    <message>
        <source>Smooth %1 (opening, %2 mm)</source>
        <translation>平滑 %1（开运算，%2 mm）</translation>
    </message>
    <message>
        <source>Smooth %1 (closing, %2 mm)</source>
        <translation>平滑 %1（闭运算，%2 mm）</translation>
    </message>
</context>
<context>
    <name>MeasurementFile</name>
    <message>
        <source>%1 is not a JSON file (%2).</source>
        <translation>%1 不是 JSON 文件（%2）。</translation>
    </message>
    <message>
        <source>%1 is not a Delineate measurement file.</source>
        <translation>%1 不是 Delineate 测量文件。</translation>
    </message>
    <message>
        <source>%1 was written by a newer Delineate (format version %2).</source>
        <translation>%1 由较新版本的 Delineate 写入（格式版本 %2）。</translation>
    </message>
    <message>
        <source>%1 does not describe the image&apos;s grid (size, spacing, origin, direction).</source>
        <translation>%1 未描述图像的体素网格（尺寸、间距、原点、方向）。</translation>
    </message>
    <message>
        <source>Measurement %1 of %2 is incomplete or of an unknown type.</source>
        <translation>%2 中的第 %1 项测量不完整或类型未知。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>MlCommands</name>
    <message>
        <source>--%1 expects a whole number, not &apos;%2&apos;</source>
        <translation>--%1 需要整数，而不是“%2”</translation>
    </message>
    <message>
        <source>--%1 expects a number, not &apos;%2&apos;</source>
        <translation>--%1 需要数字，而不是“%2”</translation>
    </message>
    <message>
        <source>%1: no image series found (not a volume file, PNG folder or DICOM series)</source>
        <translation>%1：未找到图像序列（不是容积文件、PNG 文件夹或 DICOM 序列）</translation>
    </message>
    <message>
        <source>%1 holds %2 series; segmenting series %3 &apos;%4&apos; (%5 frames)</source>
        <translation>%1 中有 %2 个序列；正在分割序列 %3“%4”（%5 帧）</translation>
    </message>
    <message>
        <source>%1 is %2 x %3 but the first PNG in the folder is %4 x %5</source>
        <translation>%1 为 %2 x %3，但文件夹中第一个 PNG 为 %4 x %5</translation>
    </message>
    <message>
        <source>Segment a volume file, a DICOM series or a folder of PNG slices with a U-Net model.</source>
        <translation>用 U-Net 模型分割容积文件、DICOM 序列或 PNG 切片文件夹。</translation>
    </message>
    <message>
        <source>Model file (.dlm) or TorchScript file (.pt with .pt.json).</source>
        <translation>模型文件（.dlm）或 TorchScript 文件（.pt 及 .pt.json）。</translation>
    </message>
    <message>
        <source>Volume file, DICOM folder/file, or folder of PNG slices.</source>
        <translation>容积文件、DICOM 文件夹/文件，或 PNG 切片文件夹。</translation>
    </message>
    <message>
        <source>Also write the foreground probability volume here.</source>
        <translation>同时将前景概率容积写到此处。</translation>
    </message>
    <message>
        <source>Probability threshold of a binary model (default 0.5).</source>
        <translation>二分类模型的概率阈值（默认 0.5）。</translation>
    </message>
    <message>
        <source>Intra-op threads (default: all cores).</source>
        <translation>算子内线程数（默认：全部核心）。</translation>
    </message>
    <message>
        <source>Slices per forward pass (default: about 512x512 pixels per pass).</source>
        <translation>每次前向计算的层数（默认：每次约 512x512 像素）。</translation>
    </message>
    <message>
        <source>Voxel axis normal to the slices, 0-2 (default: the model&apos;s).</source>
        <translation>垂直于切片的体素轴，0-2（默认：模型的设置）。</translation>
    </message>
    <message>
        <source>Sliding-window edge in pixels (default: the model&apos;s).</source>
        <translation>滑动窗口边长（像素）（默认：模型的设置）。</translation>
    </message>
    <message>
        <source>auto, cpu or cuda (default auto).</source>
        <translation>auto、cpu 或 cuda（默认 auto）。</translation>
    </message>
    <message>
        <source>Average over 4 flips of each slice (4x slower, slightly better).</source>
        <translation>对每层的 4 种翻转结果取平均（慢 4 倍，效果略好）。</translation>
    </message>
    <message>
        <source>No progress on stderr.</source>
        <translation>不在 stderr 上输出进度。</translation>
    </message>
    <message>
        <source>--axis must be 0, 1 or 2 and --threshold within [0, 1]</source>
        <translation>--axis 必须为 0、1 或 2，且 --threshold 须在 [0, 1] 之内</translation>
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
        <translation>%1：无法创建输出文件夹</translation>
    </message>
    <message>
        <source>Predicted label map or folder.</source>
        <translation>预测的标签图或文件夹。</translation>
    </message>
    <message>
        <source>Reference label map or folder.</source>
        <translation>参考标签图或文件夹。</translation>
    </message>
    <message>
        <source>Print JSON instead of a table.</source>
        <translation>输出 JSON 而不是表格。</translation>
    </message>
    <message>
        <source>%1 and %2: compare two files or two folders</source>
        <translation>%1 与 %2：请比较两个文件或两个文件夹</translation>
    </message>
    <message>
        <source>%1: no label files</source>
        <translation>%1：没有标签文件</translation>
    </message>
    <message>
        <source>%1: missing; the reference folder has %2</source>
        <translation>%1：缺失；参考文件夹中有 %2</translation>
    </message>
    <message>
        <source>%1 and %2 differ in size</source>
        <translation>%1 与 %2 尺寸不同</translation>
    </message>
    <message>
        <source>%1 file(s), %2 voxels, pixel error %3</source>
        <translation>%1 个文件，%2 个体素，像素误差 %3</translation>
    </message>
    <message>
        <source>label %1: Dice %2  IoU %3  (reference %4, predicted %5 voxels)</source>
        <translation>标签 %1：Dice %2  IoU %3（参考 %4 个体素，预测 %5 个体素）</translation>
    </message>
    <message>
        <source>Train a U-Net on DIR/image + DIR/label (PNG slices or volumes with the same file names). Without --epochs or --minutes it trains for %1 minutes. Indices count files in natural name order from 0.</source>
        <translation>用 DIR/image 和 DIR/label（文件名相同的 PNG 切片或容积）训练 U-Net。未指定 --epochs 或 --minutes 时训练 %1 分钟。索引按文件名的自然顺序从 0 开始计数。</translation>
    </message>
    <message>
        <source>Training folder with image/ and label/.</source>
        <translation>包含 image/ 和 label/ 的训练文件夹。</translation>
    </message>
    <message>
        <source>Validation folder with image/ and label/.</source>
        <translation>包含 image/ 和 label/ 的验证文件夹。</translation>
    </message>
    <message>
        <source>Training indices in --data, e.g. 0-23 (default all).</source>
        <translation>--data 中的训练索引，例如 0-23（默认全部）。</translation>
    </message>
    <message>
        <source>Validation indices (in --val, or else in --data), e.g. 24-29.</source>
        <translation>验证索引（在 --val 中，否则在 --data 中），例如 24-29。</translation>
    </message>
    <message>
        <source>simple (reference SimpleUNet) or unet (default).</source>
        <translation>simple（参考 SimpleUNet）或 unet（默认）。</translation>
    </message>
    <message>
        <source>Channels at the first level (default: the preset&apos;s).</source>
        <translation>第一层的通道数（默认：预设值）。</translation>
    </message>
    <message>
        <source>Resolution levels (default: the preset&apos;s).</source>
        <translation>分辨率层级数（默认：预设值）。</translation>
    </message>
    <message>
        <source>Number of epochs.</source>
        <translation>训练轮数。</translation>
    </message>
    <message>
        <source>Time budget in minutes (with --epochs: whichever ends first).</source>
        <translation>时间预算（分钟）（与 --epochs 同时指定时，以先到者为准）。</translation>
    </message>
    <message>
        <source>Optimiser steps per epoch (default 50).</source>
        <translation>每轮的优化步数（默认 50）。</translation>
    </message>
    <message>
        <source>Patches per step (default 4).</source>
        <translation>每步的图块数（默认 4）。</translation>
    </message>
    <message>
        <source>Patch edge in pixels (default 256).</source>
        <translation>图块边长（像素）（默认 256）。</translation>
    </message>
    <message>
        <source>Adam learning rate (default 0.001), decayed on a cosine to 2%.</source>
        <translation>Adam 学习率（默认 0.001），按余弦衰减至 2%。</translation>
    </message>
    <message>
        <source>dice+bce (default; Dice+CE for several classes) or bce (reference).</source>
        <translation>dice+bce（默认；多类别时为 Dice+CE）或 bce（参考）。</translation>
    </message>
    <message>
        <source>Random seed (default 1).</source>
        <translation>随机种子（默认 1）。</translation>
    </message>
    <message>
        <source>Model name shown to users.</source>
        <translation>向用户显示的模型名称。</translation>
    </message>
    <message>
        <source>Comma-separated class names by ascending label value.</source>
        <translation>按标签值升序排列、以逗号分隔的类别名称。</translation>
    </message>
    <message>
        <source>Provenance text: data source, licence, citation.</source>
        <translation>来源说明：数据来源、许可证、引用。</translation>
    </message>
    <message>
        <source>Store the weights as float16 (half the file size).</source>
        <translation>以 float16 存储权重（文件大小减半）。</translation>
    </message>
    <message>
        <source>Treat every non-zero label voxel as label 1 (e.g. a skull-stripped image).</source>
        <translation>将所有非零标签体素视为标签 1（例如去颅骨图像）。</translation>
    </message>
    <message>
        <source>--loss must be dice+bce or bce, not &apos;%1&apos;</source>
        <translation>--loss 必须为 dice+bce 或 bce，而不是“%1”</translation>
    </message>
    <message>
        <source>--epochs, --minutes, --steps-per-epoch, --batch, --patch (&gt;= 16) and --lr must be positive</source>
        <translation>--epochs、--minutes、--steps-per-epoch、--batch、--patch（&gt;= 16）和 --lr 必须为正数</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>--precision must be auto, float32 or bfloat16, not &apos;%1&apos;</source>
        <translation>--precision 必须是 auto、float32 或 bfloat16，而不是“%1”</translation>
    </message>
    <message>
        <source>auto, float32 or bfloat16 convolutions (default auto: bfloat16 where the CPU has it natively).</source>
        <translation>卷积运算精度：auto、float32 或 bfloat16（默认 auto：CPU 原生支持时使用 bfloat16）。</translation>
    </message>
    <message>
        <source>Decay of the moving average of the weights that is validated and kept (default 0.995; 0 = off).</source>
        <translation>用于验证和保存的权重滑动平均的衰减系数（默认 0.995；0 = 关闭）。</translation>
    </message>
    <message>
        <source>--average must be at least 0 and below 1</source>
        <translation>--average 必须不小于 0 且小于 1</translation>
    </message>
    <message>
        <source>No rotations, warps or intensity changes.</source>
        <translation>不做旋转、形变或强度变化。</translation>
    </message>
    <message>
        <source>Mirroring in the augmentation: auto (default: left-right for PNG images, none for volumes), none, horizontal or all (8 flips and 90-degree rotations).</source>
        <translation>数据增强中的镜像：auto（默认：PNG 图像左右镜像，体数据不镜像）、none、horizontal 或 all（8 种翻转和 90 度旋转）。</translation>
    </message>
    <message>
        <source>Print the whole header as JSON.</source>
        <translation>以 JSON 输出完整的头信息。</translation>
    </message>
    <message>
        <source>New name.</source>
        <translation>新名称。</translation>
    </message>
    <message>
        <source>New version text.</source>
        <translation>新版本文本。</translation>
    </message>
    <message>
        <source>The images it is made for (MR, CT, EM, ...; empty: any).</source>
        <translation>适用的图像（MR、CT、EM 等；为空：任意）。</translation>
    </message>
    <message>
        <source>New notes (licence, citation, limits).</source>
        <translation>新备注（许可、引用、局限）。</translation>
    </message>
    <message>
        <source>model: one MODEL file expected</source>
        <translation>model：需要一个 MODEL 文件</translation>
    </message>
    <message>
        <source>%1 %2 (%3): %4 classes, %5 input channel(s), modality %6</source>
        <translation>%1 %2（%3）：%4 个类别，%5 个输入通道，模态 %6</translation>
    </message>
    <message>
        <source>any</source>
        <translation>任意</translation>
    </message>
    <message>
        <source>Label map file, a DICOM SEG (.dcm, for DICOM input), or a folder for PNG input.</source>
        <translation>标签图文件、DICOM SEG（.dcm，用于 DICOM 输入），或用于 PNG 输入的文件夹。</translation>
    </message>
    <message>
        <source>%1: a DICOM SEG output needs a DICOM input series</source>
        <translation>%1：输出 DICOM SEG 需要 DICOM 输入序列</translation>
    </message>
    <message>
        <source>%1: its segments overlap (%2 layers), so it is no single label map to compare</source>
        <translation>%1：其分段重叠（%2 个图层），不是可比较的单一标签图</translation>
    </message>
    <message>
        <source>Per-class Dice, IoU, HD95 and mean surface distance (mm, for volumes), and pixel error, of a predicted label map against a reference (files on the same grid, DICOM SEGs read onto their series, or folders of PNG masks matched by name). Every label value of the reference is a class, 0 included.</source>
        <translation>预测标签图相对参考的各类 Dice、IoU、HD95 和平均表面距离（mm，用于体数据）以及像素误差（同一网格上的文件、读到其序列上的 DICOM SEG，或按名称匹配的 PNG 掩膜文件夹）。参考中的每个标签值都是一类，包括 0。</translation>
    </message>
    <message>
        <source>  HD95 %1 mm  mean surface distance %2 mm</source>
        <translation>  HD95 %1 mm  平均表面距离 %2 mm</translation>
    </message>
    <message>
        <source>Training store (instead of --data): its train and validation splits.</source>
        <translation>训练样本库（代替 --data）：使用其训练与验证划分。</translation>
    </message>
    <message>
        <source>Model file to write (.dlm); rewritten whenever validation improves. With --store optional: every run is also a version of the store&apos;s registry.</source>
        <translation>要写入的模型文件（.dlm）；每当验证结果改进即重写。使用 --store 时可省略：每次运行也会成为样本库模型登记中的一个版本。</translation>
    </message>
    <message>
        <source>Fine-tune this model file (with --store: or &apos;active&apos;, the store&apos;s active version).</source>
        <translation>微调此模型文件（使用 --store 时也可为“active”，即样本库的当前版本）。</translation>
    </message>
    <message>
        <source>train: give either --data DIR or --store S</source>
        <translation>train：请给出 --data DIR 或 --store S 之一</translation>
    </message>
    <message>
        <source>train: --train-range, --val-range and --val do not apply to a store (its split is frozen)</source>
        <translation>train：--train-range、--val-range 和 --val 不适用于样本库（其划分已冻结）</translation>
    </message>
    <message>
        <source>%1: the store has no active model to fine-tune</source>
        <translation>%1：样本库没有可微调的当前模型</translation>
    </message>
    <message>
        <source>Training store, split version %1: %2 training and %3 validation samples</source>
        <translation>训练样本库，划分版本 %1：%2 个训练样本、%3 个验证样本</translation>
    </message>
    <message>
        <source>train: --output MODEL is required with --data</source>
        <translation>train：使用 --data 时需要 --output MODEL</translation>
    </message>
    <message>
        <source>models compare: --versions A,B naming two versions of the registry</source>
        <translation>models compare：需要 --versions A,B 指明登记中的两个版本</translation>
    </message>
    <message>
        <source>foreground Dice on the %1 validation sample(s) (split version %2)</source>
        <translation>%1 个验证样本上的前景 Dice（划分版本 %2）</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
    <message>
        <source>The model versions of a training store: list, compare (--versions A,B: per-case Dice on the validation split), promote (--version V: make it the active model), rollback (back to the version active before).</source>
        <translation>训练样本库的模型版本：list、compare（--versions A,B：验证集上逐例 Dice）、promote（--version V：设为当前模型）、rollback（回到之前的当前版本）。</translation>
    </message>
    <message>
        <source>list, compare, promote or rollback</source>
        <translation>list、compare、promote 或 rollback</translation>
    </message>
    <message>
        <source>Training store folder.</source>
        <translation>训练样本库文件夹。</translation>
    </message>
    <message>
        <source>promote: the version to make active.</source>
        <translation>promote：要设为当前的版本。</translation>
    </message>
    <message>
        <source>compare: two versions, comma-separated.</source>
        <translation>compare：两个版本，以逗号分隔。</translation>
    </message>
    <message>
        <source>JSON output.</source>
        <translation>以 JSON 输出。</translation>
    </message>
    <message>
        <source>models: one ACTION expected (list, compare, promote, rollback)</source>
        <translation>models：需要一个 ACTION（list、compare、promote、rollback）</translation>
    </message>
    <message>
        <source>parent %1</source>
        <translation>父版本 %1</translation>
    </message>
    <message>
        <source>validation Dice %1</source>
        <translation>验证 Dice %1</translation>
    </message>
    <message>
        <source>active: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source>models: unknown action &apos;%1&apos;</source>
        <translation>models：未知操作“%1”</translation>
    </message>
    <message>
        <source>Keep the whole training state in this file after every epoch (with --store: the registry&apos;s interrupted-run file), so that a killed run can be resumed.</source>
        <translation>每个轮次后将完整的训练状态保存到此文件（使用 --store 时：注册表的中断运行文件），以便被终止的运行可以继续。</translation>
    </message>
    <message>
        <source>Resume the run whose checkpoint is in --checkpoint FILE (or the store&apos;s interrupted run), given the same options.</source>
        <translation>在选项相同的情况下，继续检查点位于 --checkpoint FILE 的运行（或样本库中中断的运行）。</translation>
    </message>
    <message>
        <source>train: --checkpoint does not apply to a store (its registry keeps the checkpoint)</source>
        <translation>train：--checkpoint 不适用于样本库（其注册表保存检查点）</translation>
    </message>
    <message>
        <source>train: --resume needs --checkpoint FILE or --store S</source>
        <translation>train：--resume 需要 --checkpoint FILE 或 --store S</translation>
    </message>
    <message>
        <source>Slices (along the third voxel axis) of volume pairs to train on, e.g. 0-49,65-180 (default: all, or all but --val-slices).</source>
        <translation>用于训练的体数据切片（沿第三个体素轴），例如 0-49,65-180（默认：全部，或除 --val-slices 之外的全部）。</translation>
    </message>
    <message>
        <source>Slices to validate on; without --val or --val-range they are held back from the training volumes (and from the synthesis).</source>
        <translation>用于验证的切片；未给出 --val 或 --val-range 时，这些切片从训练体数据（以及合成）中留出。</translation>
    </message>
    <message>
        <source>best (default: the weights with the best validation Dice) or last (the last averaged weights; nothing is chosen on the validation slices).</source>
        <translation>best（默认：验证 Dice 最好的权重）或 last（最后的平均权重；不依据验证切片做任何选择）。</translation>
    </message>
    <message>
        <source>Folder of label maps named like the training images: part of the patches become images synthesised from them (random contrast, deformation, resolution, bias, noise). See synth-labels.</source>
        <translation>与训练图像同名的标签图文件夹：部分图块改为由其合成的图像（随机对比度、形变、分辨率、偏置场、噪声）。见 synth-labels。</translation>
    </message>
    <message>
        <source>Fraction of synthetic patches with --synth-labels (default 0.5).</source>
        <translation>使用 --synth-labels 时合成图块的比例（默认 0.5）。</translation>
    </message>
    <message>
        <source>--keep must be best or last, not &apos;%1&apos;</source>
        <translation>--keep 必须为 best 或 last，而不是“%1”</translation>
    </message>
    <message>
        <source>--synth-fraction must be above 0 and at most 1</source>
        <translation>--synth-fraction 必须大于 0 且不超过 1</translation>
    </message>
    <message>
        <source>Build the label map that drives image synthesis (train --synth-labels) from an image and a mask on the same grid: intensity classes outside the mask (0 the darkest, usually air) and inside it (1D k-means), and optionally an atlas&apos; regions, each taking over the voxels of its own dominant tissue class.</source>
        <translation>由同一网格上的图像和掩膜生成驱动图像合成（train --synth-labels）的标签图：掩膜外（0 为最暗，通常是空气）和掩膜内的强度类别（一维 k 均值），并可选用图谱的分区，每个分区接管其主要组织类别的体素。</translation>
    </message>
    <message>
        <source>The image (a volume file).</source>
        <translation>图像（体数据文件）。</translation>
    </message>
    <message>
        <source>The mask on the same grid: non-zero voxels are inside.</source>
        <translation>同一网格上的掩膜：非零体素为内部。</translation>
    </message>
    <message>
        <source>An atlas of regions on the same grid (optional).</source>
        <translation>同一网格上的分区图谱（可选）。</translation>
    </message>
    <message>
        <source>Intensity classes inside the mask (default 3).</source>
        <translation>掩膜内的强度类别数（默认 3）。</translation>
    </message>
    <message>
        <source>Intensity classes outside the mask (default 3).</source>
        <translation>掩膜外的强度类别数（默认 3）。</translation>
    </message>
    <message>
        <source>The label map to write (.nii.gz, .nrrd, .mha).</source>
        <translation>要写入的标签图（.nii.gz、.nrrd、.mha）。</translation>
    </message>
    <message>
        <source>%1: %2 labels</source>
        <translation>%1：%2 个标签</translation>
    </message>
    <message>
        <source>label %1: %2, mean %3, %4 voxels</source>
        <translation>标签 %1：%2，均值 %3，%4 个体素</translation>
    </message>
    <message>
        <source>atlas region %1</source>
        <translation>图谱分区 %1</translation>
    </message>
    <message>
        <source>inside</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>outside</source>
        <translation>外部</translation>
    </message>
    <message>
        <source>Normalisation after each convolution: batch (the unet preset&apos;s), instance, group or none.</source>
        <translation>每个卷积之后的归一化：batch（unet 预设所用）、instance、group 或 none。</translation>
    </message>
    <message>
        <source>Show a model&apos;s header (no engine is loaded), or change its name, version, modality, notes or slice plane in place.</source>
        <translation>显示模型的文件头（不加载引擎），或就地修改其名称、版本、模态、备注或切片平面。</translation>
    </message>
    <message>
        <source>axial (run on the slices normal to the voxel axis nearest head-foot, however the volume is stored) or axis (along its slice_axis).</source>
        <translation>axial（无论体数据如何存储，都在垂直于最接近头足方向的体素轴的切片上运行）或 axis（沿其 slice_axis）。</translation>
    </message>
    <message>
        <source>--set-slice-plane must be axial or axis, not &apos;%1&apos;</source>
        <translation>--set-slice-plane 必须为 axial 或 axis，而不是“%1”</translation>
    </message>
</context>
<context>
    <name>ModelHeader</name>
    <message>
        <source>unknown architecture &apos;%1&apos; (expected &apos;simple&apos; or &apos;unet&apos;)</source>
        <translation>未知的网络架构“%1”（应为“simple”或“unet”）</translation>
    </message>
    <message>
        <source>architecture field &apos;%1&apos; is missing or not a number</source>
        <translation>网络架构字段“%1”缺失或不是数字</translation>
    </message>
    <message>
        <source>architecture values out of range (channels, depth 1-7, width, convolutions 1-2, dropout)</source>
        <translation>网络架构参数超出范围（通道数、深度 1-7、宽度、卷积数 1-2、丢弃率）</translation>
    </message>
    <message>
        <source>unknown normalization &apos;%1&apos; (none, batch, instance or group)</source>
        <translation>未知的归一化方式“%1”（none、batch、instance 或 group）</translation>
    </message>
    <message>
        <source>unknown activation &apos;%1&apos; (sigmoid or softmax)</source>
        <translation>未知的激活函数“%1”（sigmoid 或 softmax）</translation>
    </message>
    <message>
        <source>a sigmoid model has one output channel, not %1</source>
        <translation>sigmoid 模型只有一个输出通道，而不是 %1 个</translation>
    </message>
    <message>
        <source>input normalization kind &apos;%1&apos; is not &apos;window&apos; or &apos;zscore&apos;</source>
        <translation>输入归一化类型“%1”不是“window”或“zscore”</translation>
    </message>
    <message>
        <source>input window upper (%1) must exceed lower (%2)</source>
        <translation>输入窗口上限（%1）必须大于下限（%2）</translation>
    </message>
    <message>
        <source>%1: bad model header: %2</source>
        <translation>%1：模型头信息有误：%2</translation>
    </message>
    <message>
        <source>format &apos;%1&apos; is not &apos;delineate-unet&apos; or &apos;torchscript&apos;</source>
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
        <source>weights_precision &apos;%1&apos; is not float32 or float16</source>
        <translation>weights_precision“%1”不是 float32 或 float16</translation>
    </message>
    <message>
        <source>patch_size, tile_size (multiples of %1) or slice_axis (0-2) out of range</source>
        <translation>patch_size、tile_size（须为 %1 的倍数）或 slice_axis（0-2）超出范围</translation>
    </message>
    <message>
        <source>%1 classes listed, the architecture has %2</source>
        <translation>列出了 %1 个类别，但网络架构有 %2 个</translation>
    </message>
    <message>
        <source>%1: the model header is not valid JSON (%2)</source>
        <translation>%1：模型头信息不是有效的 JSON（%2）</translation>
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
        <source>%1: header format &apos;%2&apos; in a model file; expected &apos;delineate-unet&apos;</source>
        <translation>%1：模型文件中的头信息格式为“%2”；应为“delineate-unet”</translation>
    </message>
    <message>
        <source>%1: the model file is truncated or has trailing bytes (weights: %2 bytes expected, %3 present)</source>
        <translation>%1：模型文件被截断或末尾有多余字节（权重应为 %2 字节，实际为 %3 字节）</translation>
    </message>
    <message>
        <source>%1: no such model file</source>
        <translation>%1：模型文件不存在</translation>
    </message>
    <message>
        <source>%1: a TorchScript model needs its JSON header beside it, %2, which cannot be read</source>
        <translation>%1：TorchScript 模型需要同目录下的 JSON 头文件 %2，但该文件无法读取</translation>
    </message>
    <message>
        <source>%1: format must be &apos;torchscript&apos; for a TorchScript model</source>
        <translation>%1：TorchScript 模型的 format 必须为“torchscript”</translation>
    </message>
    <message>
        <source>%1: cannot open the model file: %2</source>
        <translation>%1：无法打开模型文件：%2</translation>
    </message>
    <message>
        <source>%1: the model file is truncated or has trailing bytes</source>
        <translation>%1：模型文件被截断或末尾有多余字节</translation>
    </message>
    <message>
        <source>%1: the architecture, classes and normalisation describe the weights and cannot be changed</source>
        <translation>%1：架构、类别和归一化描述的是权重，不能更改</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>slice_plane &apos;%1&apos; is not &apos;axis&apos; or &apos;axial&apos;</source>
        <translation>slice_plane“%1”不是“axis”或“axial”</translation>
    </message>
</context>
<context>
    <name>ModelRegistry</name>
    <message>
        <source>%1: not a training store (no store.json)</source>
        <translation>%1：不是训练样本库（没有 store.json）</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1: no such model file</source>
        <translation>%1：模型文件不存在</translation>
    </message>
    <message>
        <source>%1: cannot copy the model into the registry</source>
        <translation>%1：无法将模型复制到模型登记中</translation>
    </message>
    <message>
        <source>%1: cannot move the new version into place</source>
        <translation>%1：无法将新版本移到位</translation>
    </message>
    <message>
        <source>No model version %1 in %2</source>
        <translation>%2 中没有模型版本 %1</translation>
    </message>
    <message>
        <source>%1: no earlier active version to roll back to</source>
        <translation>%1：没有可回退到的更早的当前版本</translation>
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
    <name>PaletteColour</name>
    <message>
        <source>an indirect segment copies more segments than follow its offset</source>
        <translation>间接段复制的段数多于其偏移之后的段数</translation>
    </message>
    <message>
        <source>a discrete segment at position %1 runs past the data</source>
        <translation>位置 %1 处的离散段超出了数据末尾</translation>
    </message>
    <message>
        <source>a linear segment at position %1 runs past the data</source>
        <translation>位置 %1 处的线性段超出了数据末尾</translation>
    </message>
    <message>
        <source>a linear segment at position %1 has no value before it</source>
        <translation>位置 %1 处的线性段之前没有任何值</translation>
    </message>
    <message>
        <source>an indirect segment copies another indirect segment</source>
        <translation>间接段复制了另一个间接段</translation>
    </message>
    <message>
        <source>an indirect segment at position %1 runs past the data</source>
        <translation>位置 %1 处的间接段超出了数据末尾</translation>
    </message>
    <message>
        <source>an indirect segment at position %1 points at byte %2, not at an earlier segment</source>
        <translation>位置 %1 处的间接段指向字节 %2，而不是之前的某个段</translation>
    </message>
    <message>
        <source>the segment at position %1 has the unknown type %2</source>
        <translation>位置 %1 处的段类型 %2 未知</translation>
    </message>
    <message>
        <source>the segments hold more than the %1 entries described</source>
        <translation>各段包含的条目多于描述的 %1 个</translation>
    </message>
    <message>
        <source>the segments hold %1 entries, the descriptor %2</source>
        <translation>各段包含 %1 个条目，描述符为 %2 个</translation>
    </message>
    <message>
        <source>the %1 palette descriptor is missing or not three numbers</source>
        <translation>%1调色板描述符缺失或不是三个数值</translation>
    </message>
    <message>
        <source>the %1 palette has %2 bits per entry, not 8 or 16</source>
        <translation>%1调色板每个条目为 %2 位，不是 8 或 16 位</translation>
    </message>
    <message>
        <source>the %1 palette is described unlike the red one</source>
        <translation>%1调色板的描述与红色调色板不一致</translation>
    </message>
    <message>
        <source>the %1 palette holds %2 words for %3 entries</source>
        <translation>%1调色板为 %3 个条目只包含 %2 个字</translation>
    </message>
    <message>
        <source>the segmented %1 palette cannot be expanded: %2</source>
        <translation>无法展开分段的%1调色板：%2</translation>
    </message>
    <message>
        <source>the %1 palette has no data</source>
        <translation>%1调色板没有数据</translation>
    </message>
    <message>
        <source>red</source>
        <translation>红色</translation>
    </message>
    <message>
        <source>green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>blue</source>
        <translation>蓝色</translation>
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
    <name>PixelDecoder</name>
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
    <message>
        <source>%1: the %2 pixel data is corrupt (%3)</source>
        <translation>%1：%2 像素数据已损坏（%3）</translation>
    </message>
    <message>
        <source>no encapsulated pixel data</source>
        <translation>没有封装的像素数据</translation>
    </message>
    <message>
        <source>%1 fragments for %2 frames</source>
        <translation>%2 帧对应 %1 个片段</translation>
    </message>
    <message>
        <source>fragment %1 cannot be read</source>
        <translation>无法读取片段 %1</translation>
    </message>
    <message>
        <source>%1: JPEG-LS is not decoded through GDCM</source>
        <translation>%1：JPEG-LS 不通过 GDCM 解码</translation>
    </message>
    <message>
        <source>%1: the %2 pixel data is corrupt or truncated (%3; %4)</source>
        <translation>%1：%2 像素数据已损坏或被截断（%3；%4）</translation>
    </message>
    <message>
        <source>%1: the JPEG-LS stream holds %2 x %3 pixels of %4 sample(s) at %5 bits, which does not match the image&apos;s %6 x %7 at %8 bits allocated</source>
        <translation>%1：JPEG-LS 码流包含 %2 x %3 像素、每像素 %4 个样本、%5 位，与图像的 %6 x %7、分配 %8 位不符</translation>
    </message>
    <message>
        <source>%1: the pixel data element cannot be read as pixel data (value representation %2)</source>
        <translation>%1：像素数据元素无法作为像素数据读取（值表示 %2）</translation>
    </message>
    <message>
        <source>%1: the image has no Photometric Interpretation (0028,0004)</source>
        <translation>%1：图像没有光度解释（Photometric Interpretation，0028,0004）</translation>
    </message>
    <message>
        <source>the photometric interpretation &apos;%1&apos; is missing or unknown</source>
        <translation>光度解释“%1”缺失或未知</translation>
    </message>
    <message>
        <source>the image description cannot be decoded</source>
        <translation>无法按图像描述进行解码</translation>
    </message>
    <message>
        <source>no GDCM codec for this transfer syntax</source>
        <translation>GDCM 没有适用于此传输语法的编解码器</translation>
    </message>
    <message>
        <source>%1: the %2 pixel data cannot be decoded (%3)</source>
        <translation>%1：无法解码 %2 像素数据（%3）</translation>
    </message>
    <message>
        <source>%1: only compressed pixel data is decoded through GDCM</source>
        <translation>%1：只有压缩的像素数据才通过 GDCM 解码</translation>
    </message>
    <message>
        <source>%1: RLE is not decoded through GDCM</source>
        <translation>%1：RLE 不通过 GDCM 解码</translation>
    </message>
    <message>
        <source>%1: the palette colour lookup table cannot be read: %2</source>
        <translation>%1：无法读取调色板颜色查找表：%2</translation>
    </message>
    <message>
        <source>%1: no decoder for this colour image</source>
        <translation>%1：没有适用于此彩色图像的解码器</translation>
    </message>
</context>
<context>
    <name>ProbabilityMap</name>
    <message>
        <source>The network&apos;s output does not match its labels.</source>
        <translation>网络输出与其标签不匹配。</translation>
    </message>
</context>
<context>
    <name>RecoveryJournal</name>
    <message>
        <source>%1: cannot write the recovery journal (%2)</source>
        <translation>%1：无法写入恢复日志（%2）</translation>
    </message>
    <message>
        <source>%1: cannot create the recovery folder</source>
        <translation>%1：无法创建恢复文件夹</translation>
    </message>
    <message>
        <source>%1: cannot make the recovery folder private (%2)</source>
        <translation>%1：无法将恢复文件夹设为私有（%2）</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>%1: cannot open the recovery journal (%2)</source>
        <translation>%1：无法打开恢复日志（%2）</translation>
    </message>
    <message>
        <source>%1: the recovery journal is in use by another Delineate</source>
        <translation>%1：该恢复日志正被另一个 Delineate 使用</translation>
    </message>
    <message>
        <source>the recovery journal is closed</source>
        <translation>恢复日志已关闭</translation>
    </message>
    <message>
        <source>%1: cannot replace the recovery journal (%2)</source>
        <translation>%1：无法替换恢复日志（%2）</translation>
    </message>
    <message>
        <source>an incomplete record header</source>
        <translation>记录头不完整</translation>
    </message>
    <message>
        <source>a damaged record header</source>
        <translation>记录头已损坏</translation>
    </message>
    <message>
        <source>a record cut short (%1 of %2 bytes)</source>
        <translation>记录被截断（%2 字节中只有 %1 字节）</translation>
    </message>
    <message>
        <source>a record whose checksum does not match</source>
        <translation>记录的校验和不匹配</translation>
    </message>
    <message>
        <source>%1: cannot read the recovery journal (%2)</source>
        <translation>%1：无法读取恢复日志（%2）</translation>
    </message>
    <message>
        <source>%1: not a Delineate recovery journal</source>
        <translation>%1：不是 Delineate 恢复日志</translation>
    </message>
    <message>
        <source>the journal&apos;s identity record is damaged</source>
        <translation>日志的标识记录已损坏</translation>
    </message>
    <message>
        <source>%1: the journal has no identity record</source>
        <translation>%1：日志没有标识记录</translation>
    </message>
    <message>
        <source>%1: the journal has no complete base snapshot</source>
        <translation>%1：日志没有完整的基础快照</translation>
    </message>
    <message>
        <source>an undo with nothing to undo</source>
        <translation>无可撤销内容的撤销记录</translation>
    </message>
    <message>
        <source>a redo with nothing to redo</source>
        <translation>无可重做内容的重做记录</translation>
    </message>
    <message>
        <source>an unexpected record</source>
        <translation>意外的记录</translation>
    </message>
    <message>
        <source>an amendment with no edit to amend</source>
        <translation>没有可修订编辑的修订记录</translation>
    </message>
</context>
<context>
    <name>ReviewedSlices</name>
    <message>
        <source>%1: reviewed slices %2-%3 along axis %4 lie outside the %5 slices of the image</source>
        <translation>%1：沿轴 %4 的已审阅切片 %2-%3 超出图像的 %5 张切片</translation>
    </message>
    <message>
        <source>%1: the reviewed slices are not a list of ranges</source>
        <translation>%1：已审阅切片不是区间列表</translation>
    </message>
    <message>
        <source>%1: cannot read the reviewed slices &apos;%2&apos;</source>
        <translation>%1：无法读取已审阅切片“%2”</translation>
    </message>
</context>
<context>
    <name>SegmentTerminology</name>
    <message>
        <source>Tissue</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>Anatomical structure</source>
        <translation>解剖结构</translation>
    </message>
    <message>
        <source>Morphologically abnormal structure</source>
        <translation>形态异常结构</translation>
    </message>
    <message>
        <source>Body substance</source>
        <translation>体内物质</translation>
    </message>
    <message>
        <source>Physical object</source>
        <translation>物理对象</translation>
    </message>
    <message>
        <source>Spatial and relational concept</source>
        <translation>空间与关系概念</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨</translation>
    </message>
    <message>
        <source>Connective tissue</source>
        <translation>结缔组织</translation>
    </message>
    <message>
        <source>Muscle</source>
        <translation>肌肉</translation>
    </message>
    <message>
        <source>Artery</source>
        <translation>动脉</translation>
    </message>
    <message>
        <source>Vein</source>
        <translation>静脉</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>脑</translation>
    </message>
    <message>
        <source>Liver</source>
        <translation>肝脏</translation>
    </message>
    <message>
        <source>Spleen</source>
        <translation>脾脏</translation>
    </message>
    <message>
        <source>Kidney</source>
        <translation>肾脏</translation>
    </message>
    <message>
        <source>Pancreas</source>
        <translation>胰腺</translation>
    </message>
    <message>
        <source>Gallbladder</source>
        <translation>胆囊</translation>
    </message>
    <message>
        <source>Adrenal gland</source>
        <translation>肾上腺</translation>
    </message>
    <message>
        <source>Small intestine</source>
        <translation>小肠</translation>
    </message>
    <message>
        <source>Inferior vena cava</source>
        <translation>下腔静脉</translation>
    </message>
    <message>
        <source>Heart</source>
        <translation>心脏</translation>
    </message>
    <message>
        <source>Aorta</source>
        <translation>主动脉</translation>
    </message>
    <message>
        <source>Left ventricle</source>
        <translation>左心室</translation>
    </message>
    <message>
        <source>Right ventricle</source>
        <translation>右心室</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>肺</translation>
    </message>
    <message>
        <source>Trachea</source>
        <translation>气管</translation>
    </message>
    <message>
        <source>Esophagus</source>
        <translation>食管</translation>
    </message>
    <message>
        <source>Diaphragm</source>
        <translation>膈肌</translation>
    </message>
    <message>
        <source>Blood vessel</source>
        <translation>血管</translation>
    </message>
    <message>
        <source>Tumor</source>
        <translation>肿瘤</translation>
    </message>
    <message>
        <source>Lesion</source>
        <translation>病灶</translation>
    </message>
    <message>
        <source>Necrosis</source>
        <translation>坏死</translation>
    </message>
    <message>
        <source>Edema</source>
        <translation>水肿</translation>
    </message>
    <message>
        <source>Hemorrhage</source>
        <translation>出血</translation>
    </message>
</context>
<context>
    <name>Segmentation</name>
    <message>
        <source>A segmentation needs at least one label layer.</source>
        <translation>分割至少需要一个标签图层。</translation>
    </message>
    <message>
        <source>A label layer holds %1 voxels where the grid has %2.</source>
        <translation>标签图层有 %1 个体素，而网格有 %2 个。</translation>
    </message>
    <message>
        <source>There is no label layer %1.</source>
        <translation>没有标签图层 %1。</translation>
    </message>
    <message>
        <source>Label %1 does not fit in an 8-bit label map.</source>
        <translation>标签 %1 无法放入 8 位标签图。</translation>
    </message>
</context>
<context>
    <name>SegmentationDocument</name>
    <message>
        <source>Finish the edit in progress first.</source>
        <translation>请先完成正在进行的编辑。</translation>
    </message>
</context>
<context>
    <name>SegmentationIO</name>
    <message>
        <source>%1: not a label map (voxel value %2 is not an integer in 0..65535)</source>
        <translation>%1：不是标签图（体素值 %2 不是 0..65535 之间的整数）</translation>
    </message>
    <message>
        <source>%1: cannot read the label sidecar (%2)</source>
        <translation>%1：无法读取标签附属文件（%2）</translation>
    </message>
    <message>
        <source>%1: not valid JSON (%2)</source>
        <translation>%1：不是有效的 JSON（%2）</translation>
    </message>
    <message>
        <source>cannot write the segmentation: %1</source>
        <translation>无法写入分割：%1</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <source>%1: not a 3D label map (%2 dimensions, %3 components)</source>
        <translation>%1：不是三维标签图（%2 维，%3 个分量）</translation>
    </message>
    <message>
        <source>%1: cannot read the label map: %2</source>
        <translation>%1：无法读取标签图：%2</translation>
    </message>
    <message>
        <source>%1: unsupported label file type (use .nii.gz, .nii, .seg.nrrd, .nrrd or .mha)</source>
        <translation>%1：不支持的标签文件类型（请使用 .nii.gz、.nii、.seg.nrrd、.nrrd 或 .mha）</translation>
    </message>
    <message>
        <source>%1: nothing to write, the segmentation is empty</source>
        <translation>%1：没有可写入的内容，分割为空</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>Contains AI results (%1): research use, not for diagnosis.</source>
        <translation>包含 AI 结果（%1）：仅供研究使用，不可用于诊断。</translation>
    </message>
    <message>
        <source>Contains AI results: research use, not for diagnosis.</source>
        <translation>包含 AI 结果：仅供研究使用，不用于诊断。</translation>
    </message>
</context>
<context>
    <name>SegmentationModel</name>
    <message>
        <source>tensor &apos;%1&apos; is missing</source>
        <translation>缺少张量“%1”</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has shape %2 but the architecture in the header needs %3</source>
        <translation>张量“%1”的形状为 %2，但头信息中的网络架构需要 %3</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; is missing</source>
        <translation>缺少网络层“%1”</translation>
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
        <source>%1: the weights do not fit the header&apos;s architecture: %2</source>
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
    <message>
        <source>no model to copy</source>
        <translation>没有可复制的模型</translation>
    </message>
    <message>
        <source>cannot copy the model: %1</source>
        <translation>无法复制模型：%1</translation>
    </message>
</context>
<context>
    <name>SegmentationSnapshot</name>
    <message>
        <source>the segmentation snapshot is damaged</source>
        <translation>分割快照已损坏</translation>
    </message>
    <message>
        <source>snapshot</source>
        <translation>快照</translation>
    </message>
</context>
<context>
    <name>SeriesGrouping</name>
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
        <source>time %1</source>
        <translation>时间 %1</translation>
    </message>
    <message>
        <source>series split into %1 sub-series; this one: %2</source>
        <translation>序列已拆分为 %1 个子序列；本子序列：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other file(s): %2</source>
        <translation>
            <numerusform>%1 及另外 %n 个文件：%2</numerusform>
        </translation>
    </message>
    <message>
        <source>repeat %1</source>
        <translation>重复 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) repeat the position of another slice with no echo, time, acquisition or image type to tell them apart; split by instance number into %1 volumes</source>
        <translation>
            <numerusform>%n 张切片与其他切片位置重复，且无回波、时间、采集或图像类型可区分；按实例编号拆分为 %1 个体积</numerusform>
        </translation>
    </message>
    <message>
        <source>a copy of an image already in the series (same SOP Instance UID); ignored</source>
        <translation>序列中已有该图像的副本（SOP Instance UID 相同）；已忽略</translation>
    </message>
    <message>
        <source>Instance UIDs missing (%1 blank); the files were grouped into one series by frame of reference, modality, series number and description, orientation and size, as dcm2niix does</source>
        <translation>缺少实例 UID（%1 个为空）；已按参考坐标系、模态、序列号与描述、方向和尺寸将文件归为一个序列，与 dcm2niix 相同</translation>
    </message>
    <message>
        <source>orientation %1</source>
        <translation>方向 %1</translation>
    </message>
    <message numerus="yes">
        <source>the slices of this series lie in %n different orientation(s); split into one sub-series per orientation</source>
        <translation>
            <numerusform>该序列的切片位于 %n 个不同方向；已按方向拆分为子序列</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesLoader</name>
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
        <source>no image position/orientation: slices ordered by instance number, geometry unknown</source>
        <translation>缺少图像位置/方向：按实例号排列各层，几何信息未知</translation>
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
        <source>%1, more than the memory limit of %2: not loaded</source>
        <translation>%1，超过内存上限 %2：未加载</translation>
    </message>
    <message>
        <source>%1, more than this computer&apos;s %2 of memory: not loaded</source>
        <translation>%1，超过本机 %2 内存：未加载</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n slice(s) share a position with another slice</source>
        <translation>
            <numerusform>%1：%n 张切片与其他切片位置相同</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 x %3 x %4 voxels need %5 as %6 plus %7 of decode buffers</source>
        <translation>%1：%2 x %3 x %4 个体素以 %6 存储需 %5，另需 %7 解码缓冲</translation>
    </message>
    <message>
        <source>series %1 (%2)</source>
        <translation>序列 %1（%2）</translation>
    </message>
    <message>
        <source>series &quot;%1&quot;</source>
        <translation>序列“%1”</translation>
    </message>
    <message>
        <source>%1: no image frames</source>
        <translation>%1：没有图像帧</translation>
    </message>
    <message>
        <source>%1: invalid image size %2 x %3</source>
        <translation>%1：无效的图像尺寸 %2 x %3</translation>
    </message>
    <message>
        <source>%1: %2 x %3 x %4 voxels is too large to load</source>
        <translation>%1：%2 x %3 x %4 个体素过大，无法加载</translation>
    </message>
</context>
<context>
    <name>SeriesWriter</name>
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
</context>
<context>
    <name>SliceLocation</name>
    <message>
        <source>%1 %2 mm  Thk %3 mm</source>
        <translation>%1 %2 mm  层厚 %3 mm</translation>
    </message>
</context>
<context>
    <name>SliceRegularizer</name>
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
    <name>StrokeScript</name>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>not a JSON object (%1)</source>
        <translation>不是 JSON 对象（%1）</translation>
    </message>
    <message>
        <source>&quot;label&quot; must be a number from 0 to 65535</source>
        <translation>“label”必须是 0 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>&quot;radius&quot; must be a positive number</source>
        <translation>“radius”必须是正数</translation>
    </message>
    <message>
        <source>&quot;unit&quot; must be mm or voxels</source>
        <translation>“unit”必须是 mm 或 voxels</translation>
    </message>
    <message>
        <source>&quot;shape&quot; must be disk or sphere</source>
        <translation>“shape”必须是 disk 或 sphere</translation>
    </message>
    <message>
        <source>&quot;axis&quot; must be 0, 1 or 2</source>
        <translation>“axis”必须是 0、1 或 2</translation>
    </message>
    <message>
        <source>&quot;overwrite&quot; label:N needs a label number</source>
        <translation>“overwrite”的 label:N 需要标签编号</translation>
    </message>
    <message>
        <source>&quot;overwrite&quot; must be all, empty or label:N</source>
        <translation>“overwrite”必须是 all、empty 或 label:N</translation>
    </message>
    <message>
        <source>&quot;points&quot; must list at least one [i, j, k]</source>
        <translation>“points”必须至少列出一个 [i, j, k]</translation>
    </message>
    <message>
        <source>each point must be [i, j, k]</source>
        <translation>每个点必须是 [i, j, k]</translation>
    </message>
</context>
<context>
    <name>SynthesisLabels</name>
    <message>
        <source>the number of classes must be at least 1, not %1</source>
        <translation>类别数必须至少为 1，而不是 %1</translation>
    </message>
    <message>
        <source>there are no voxels to divide into classes</source>
        <translation>没有可划分类别的体素</translation>
    </message>
    <message>
        <source>%1 classes were asked for, but the voxels take only %2 distinct values</source>
        <translation>要求 %1 个类别，但体素只有 %2 个不同的值</translation>
    </message>
    <message>
        <source>the mask&apos;s grid (%1 x %2 x %3) differs from the image&apos;s (%4 x %5 x %6)</source>
        <translation>掩膜的网格（%1 x %2 x %3）与图像的网格（%4 x %5 x %6）不同</translation>
    </message>
    <message>
        <source>the atlas&apos; grid (%1 x %2 x %3) differs from the image&apos;s (%4 x %5 x %6)</source>
        <translation>图谱的网格（%1 x %2 x %3）与图像的网格（%4 x %5 x %6）不同</translation>
    </message>
    <message>
        <source>between 1 and 255 classes inside and outside the mask are needed</source>
        <translation>掩膜内外需要 1 到 255 个类别</translation>
    </message>
    <message>
        <source>the mask must hold some voxels and leave some out</source>
        <translation>掩膜必须包含一部分体素，并留出一部分</translation>
    </message>
    <message>
        <source>inside the mask: %1</source>
        <translation>掩膜内：%1</translation>
    </message>
    <message>
        <source>outside the mask: %1</source>
        <translation>掩膜外：%1</translation>
    </message>
    <message>
        <source>the atlas has more regions than labels are left (255 in all)</source>
        <translation>图谱的分区数多于剩余的标签数（共 255 个）</translation>
    </message>
</context>
<context>
    <name>TorchEngine</name>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>, bfloat16 native</source>
        <translation>，原生 bfloat16</translation>
    </message>
    <message>
        <source>the model was not loaded by this engine</source>
        <translation>该模型不是由此引擎加载的</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <source>%1: label value %2 is not one of the model&apos;s classes</source>
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
        <source>the &apos;simple&apos; reference U-Net is binary; the labels hold %1 values</source>
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
        <source>mirroring must be auto, none, horizontal or all, not &apos;%1&apos;</source>
        <translation>镜像方式必须是 auto、none、horizontal 或 all，而不是“%1”</translation>
    </message>
    <message>
        <source>there is no checkpoint to resume from</source>
        <translation>没有可用于继续的检查点</translation>
    </message>
    <message>
        <source>%1: there is no interrupted run to resume</source>
        <translation>%1：没有可继续的中断运行</translation>
    </message>
    <message>
        <source>the checkpoint is damaged or of another version of Delineate</source>
        <translation>检查点已损坏，或来自其他版本的 Delineate</translation>
    </message>
    <message>
        <source>the interrupted run was started with other options or data; start a new run instead</source>
        <translation>中断的运行使用了不同的选项或数据；请改为开始新的运行</translation>
    </message>
    <message>
        <source>the checkpoint does not fit this network</source>
        <translation>检查点与此网络不匹配</translation>
    </message>
    <message>
        <source>%1: slice %2 was asked for, but a volume has only %3 slices (0-%4)</source>
        <translation>%1：要求第 %2 层切片，但有一个体数据只有 %3 层（0-%4）</translation>
    </message>
    <message>
        <source>%1: slice %2 is both a training and a validation slice</source>
        <translation>%1：第 %2 层切片既是训练切片又是验证切片</translation>
    </message>
    <message>
        <source>the fraction of synthetic samples must be above 0 and at most 1, not %1</source>
        <translation>合成样本的比例必须大于 0 且不超过 1，而不是 %1</translation>
    </message>
    <message>
        <source>%1: no training slices are left</source>
        <translation>%1：没有剩余的训练切片</translation>
    </message>
</context>
<context>
    <name>TrainingData</name>
    <message>
        <source>&apos;%1&apos; is not an index range such as 0-23 or 4,7,9-11</source>
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
    <message>
        <source>%1: no such folder</source>
        <translation>%1：文件夹不存在</translation>
    </message>
    <message>
        <source>%1: no synthesis label map named like %2</source>
        <translation>%1：没有与 %2 同名的合成标签图</translation>
    </message>
</context>
<context>
    <name>TrainingStore</name>
    <message>
        <source>%1: cannot read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>%1: cannot read</source>
        <translation>%1：无法读取</translation>
    </message>
    <message>
        <source>%1: not a sample description (no id or group)</source>
        <translation>%1：不是样本描述（没有 id 或分组）</translation>
    </message>
    <message>
        <source>%1: not a training store (no store.json)</source>
        <translation>%1：不是训练样本库（没有 store.json）</translation>
    </message>
    <message>
        <source>%1: the folder exists and is not empty; a new store needs an empty or new folder</source>
        <translation>%1：文件夹已存在且不为空；新样本库需要空的或新的文件夹</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1: not a training store description</source>
        <translation>%1：不是训练样本库描述</translation>
    </message>
    <message>
        <source>%1: the store&apos;s salt is missing or damaged</source>
        <translation>%1：样本库的盐值缺失或损坏</translation>
    </message>
    <message>
        <source>%1: group %2 has no valid split</source>
        <translation>%1：分组 %2 没有有效的划分</translation>
    </message>
    <message>
        <source>The image and the mask differ in size; a training sample needs both on one grid.</source>
        <translation>图像与掩膜尺寸不同；训练样本需要二者在同一网格上。</translation>
    </message>
    <message>
        <source>This image and mask are already in the store (sample %1).</source>
        <translation>该图像和掩膜已在样本库中（样本 %1）。</translation>
    </message>
    <message>
        <source>%1: cannot move the new sample into place</source>
        <translation>%1：无法将新样本移到位</translation>
    </message>
    <message>
        <source>The segmentation does not lie on the image&apos;s grid.</source>
        <translation>分割不在图像的网格上。</translation>
    </message>
    <message>
        <source>The segmentation has overlapping segments on %1 layers; training needs one label per voxel.</source>
        <translation>分割在 %1 个图层上有重叠分段；训练需要每个体素一个标签。</translation>
    </message>
    <message>
        <source>No slice is marked reviewed on this axis: mark the slices you checked, or accept the whole volume.</source>
        <translation>此轴上没有标记为已审阅的切片：请标记已检查的切片，或确认整个体数据。</translation>
    </message>
    <message>
        <source>%1: pair %2 does not exist (the folder holds %3 pairs, numbered from 0)</source>
        <translation>%1：图像对 %2 不存在（该文件夹有 %3 对，从 0 编号）</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>正在导入 %1</translation>
    </message>
    <message>
        <source>No sample %1 in %2</source>
        <translation>%2 中没有样本 %1</translation>
    </message>
    <message>
        <source>Sample %1 has no split group in %2</source>
        <translation>样本 %1 在 %2 中没有划分分组</translation>
    </message>
    <message>
        <source>%1: cannot remove the sample</source>
        <translation>%1：无法删除该样本</translation>
    </message>
    <message>
        <source>%1: slice %2 lies outside the image</source>
        <translation>%1：切片 %2 在图像之外</translation>
    </message>
    <message>
        <source>Reading the training store</source>
        <translation>正在读取训练样本库</translation>
    </message>
    <message>
        <source>%1: no sample is in the training split</source>
        <translation>%1：训练划分中没有样本</translation>
    </message>
    <message>
        <source>no readable sample.json</source>
        <translation>没有可读的 sample.json</translation>
    </message>
    <message>
        <source>missing or unreadable</source>
        <translation>缺失或不可读</translation>
    </message>
    <message>
        <source>content differs from the hash recorded when it was added</source>
        <translation>内容与添加时记录的哈希不符</translation>
    </message>
    <message>
        <source>its group has no split in store.json</source>
        <translation>其分组在 store.json 中没有划分</translation>
    </message>
    <message>
        <source>%1: the store is empty; nothing to export</source>
        <translation>%1：样本库为空；没有可导出的内容</translation>
    </message>
    <message>
        <source>The nnU-Net dataset number must lie between 1 and 999.</source>
        <translation>nnU-Net 数据集编号必须在 1 到 999 之间。</translation>
    </message>
    <message>
        <source>%1: exists and is not empty</source>
        <translation>%1：已存在且不为空</translation>
    </message>
    <message>
        <source>left over from an interrupted write and cannot be removed</source>
        <translation>中断的写入留下的残余，无法删除</translation>
    </message>
</context>
<context>
    <name>VersionComparison</name>
    <message>
        <source>%1: no model versions %2 and %3 to compare</source>
        <translation>%1：没有可比较的模型版本 %2 和 %3</translation>
    </message>
    <message>
        <source>%1: the store has no validation samples to compare on</source>
        <translation>%1：样本库没有可用于比较的验证样本</translation>
    </message>
    <message>
        <source>Comparing %1 and %2: sample %3 of %4</source>
        <translation>正在比较 %1 和 %2：第 %3 个样本，共 %4 个</translation>
    </message>
</context>
<context>
    <name>VolumeIO</name>
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
        <source>%1: nothing to write, the volume is empty</source>
        <translation>%1：没有可写入的内容，容积为空</translation>
    </message>
    <message>
        <source>%1: nothing to write, the label map is empty</source>
        <translation>%1：没有可写入的内容，标签图为空</translation>
    </message>
    <message>
        <source>%1: cannot replace the file (%2)</source>
        <translation>%1：无法替换文件（%2）</translation>
    </message>
    <message>
        <source>%1: the file is cut short or damaged: its compressed data does not end as a complete image of %2 bytes</source>
        <translation>%1：文件被截断或已损坏：其压缩数据未以 %2 字节的完整图像结束</translation>
    </message>
    <message>
        <source>%1: the file is cut short: it holds %2 bytes, the header declares %3</source>
        <translation>%1：文件被截断：实际 %2 字节，文件头声明 %3 字节</translation>
    </message>
    <message>
        <source>%1: the file is cut short: it holds %2 bytes of image data, the header declares %3</source>
        <translation>%1：文件被截断：图像数据实际 %2 字节，文件头声明 %3 字节</translation>
    </message>
    <message>
        <source>%1: not saved: the folder %2 takes no new file (%3). Any earlier version of the file is unchanged.</source>
        <translation>%1：未保存：文件夹 %2 无法写入新文件（%3）。该文件的任何旧版本均未改变。</translation>
    </message>
    <message>
        <source>it cannot be opened again</source>
        <translation>无法再次打开</translation>
    </message>
    <message>
        <source>its compressed data is incomplete (%1)</source>
        <translation>其压缩数据不完整（%1）</translation>
    </message>
    <message>
        <source>the file reached the largest size this process may write (%1 bytes)</source>
        <translation>文件已达到本进程可写入的最大大小（%1 字节）</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>磁盘已满</translation>
    </message>
    <message>
        <source>%1: nothing was written</source>
        <translation>%1：未写入任何内容</translation>
    </message>
    <message>
        <source>%1: the file was not written completely: %2</source>
        <translation>%1：文件未完整写入：%2</translation>
    </message>
    <message>
        <source>%1: not saved: %2. Any earlier version of the file is unchanged. (%3)</source>
        <translation>%1：未保存：%2。该文件的任何旧版本均未改变。（%3）</translation>
    </message>
    <message>
        <source>%1: cannot write (%2)</source>
        <translation>%1：无法写入（%2）</translation>
    </message>
    <message>
        <source>%1: the NIfTI header&apos;s voxel sizes or orientation are not usable numbers</source>
        <translation>%1：NIfTI 头中的体素尺寸或方向不是可用的数值</translation>
    </message>
    <message>
        <source>%1: the MetaImage header declares NDims = %2; 1 to 10 dimensions can be read</source>
        <translation>%1：MetaImage 文件头声明 NDims = %2；只能读取 1 到 10 维</translation>
    </message>
    <message>
        <source>%1: the MetaImage header&apos;s DimSize (%2) is not %3 whole numbers of at least 1</source>
        <translation>%1：MetaImage 文件头的 DimSize（%2）不是 %3 个不小于 1 的整数</translation>
    </message>
    <message>
        <source>%1: the MetaImage header says the data is compressed but gives no CompressedDataSize</source>
        <translation>%1：MetaImage 文件头声明数据已压缩，但未给出 CompressedDataSize</translation>
    </message>
    <message>
        <source>%1: the MetaImage header holds a field name of %2 characters or more (at most 254 can be read)</source>
        <translation>%1：MetaImage 文件头含有长度达 %2 个字符或更长的字段名（最多可读取 254 个字符）</translation>
    </message>
    <message>
        <source>%1: the MetaImage header&apos;s ElementDataFile is a file-name pattern (&apos;%&apos; form), which is not supported; save the volume as a single .mha or .nrrd file</source>
        <translation>%1：MetaImage 头部的 ElementDataFile 是文件名模式（“%”形式），不受支持；请将体数据另存为单个 .mha 或 .nrrd 文件</translation>
    </message>
    <message>
        <source>%1: the file is cut short or damaged: %2 bytes of compressed data cannot hold an image of %3 bytes</source>
        <translation>%1：文件被截断或已损坏：%2 字节的压缩数据无法容纳 %3 字节的图像</translation>
    </message>
    <message>
        <source>%1: the file holds no voxels (%2 x %3 x %4): its header is damaged</source>
        <translation>%1：文件不含任何体素（%2 x %3 x %4）：其头部已损坏</translation>
    </message>
    <message>
        <source>%1: the MetaImage header&apos;s DimSize does not follow one NDims (NDims given %2 time(s), %3 before DimSize)</source>
        <translation>%1：MetaImage 头部的 DimSize 未跟随唯一的 NDims（NDims 出现 %2 次，其中 %3 次在 DimSize 之前）</translation>
    </message>
    <message>
        <source>%1: the file is cut short or damaged: %2</source>
        <translation>%1：文件被截断或已损坏：%2</translation>
    </message>
    <message>
        <source>%1: the MetaImage header&apos;s ElementDataFile is a list of slice files (LIST), which is not supported; save the volume as a single .mha or .nrrd file</source>
        <translation>%1：MetaImage 头部的 ElementDataFile 是切片文件列表（LIST），不受支持；请将体数据另存为单个 .mha 或 .nrrd 文件</translation>
    </message>
    <message>
        <source>%1: its data file %2 is cut short: it holds %3 bytes, the header declares %4</source>
        <translation>%1：其数据文件 %2 被截断：文件含 %3 字节，头部声明 %4 字节</translation>
    </message>
    <message>
        <source>%1: its data file %2 is missing</source>
        <translation>%1：其数据文件 %2 不存在</translation>
    </message>
    <message>
        <source>zlib cannot start</source>
        <translation>zlib 无法启动</translation>
    </message>
    <message>
        <source>its compressed data ends before the image does</source>
        <translation>其压缩数据在图像结束之前就结束了</translation>
    </message>
    <message>
        <source>its compressed data cannot be read</source>
        <translation>其压缩数据无法读取</translation>
    </message>
    <message>
        <source>its compressed data is damaged (%1)</source>
        <translation>其压缩数据已损坏（%1）</translation>
    </message>
    <message>
        <source>its compressed data is damaged (zlib makes no progress)</source>
        <translation>其压缩数据已损坏（zlib 无法继续解压）</translation>
    </message>
    <message>
        <source>its compressed data holds more than the %1 bytes the header declares</source>
        <translation>其压缩数据超过了文件头声明的 %1 字节</translation>
    </message>
    <message>
        <source>its compressed data holds %1 bytes, the header declares %2</source>
        <translation>其压缩数据包含 %1 字节，文件头声明为 %2 字节</translation>
    </message>
    <message>
        <source>%1: its data file %2 cannot be opened</source>
        <translation>%1：其数据文件 %2 无法打开</translation>
    </message>
    <message>
        <source>%1: its data file %2 is damaged: %3</source>
        <translation>%1：其数据文件 %2 已损坏：%3</translation>
    </message>
    <message>
        <source>%1: it cannot be opened again</source>
        <translation>%1：无法再次打开该文件</translation>
    </message>
    <message>
        <source>%1: the file is damaged: %2</source>
        <translation>%1：文件已损坏：%2</translation>
    </message>
    <message>
        <source>a preset dictionary is asked for</source>
        <translation>要求预设字典</translation>
    </message>
    <message>
        <source>zlib code %1</source>
        <translation>zlib 代码 %1</translation>
    </message>
</context>
<context>
    <name>VoxelReadout</name>
    <message>
        <source>Voxel (%1, %2, %3)   LPS (%4, %5, %6) mm   Value %7</source>
        <translation>体素 (%1, %2, %3)   LPS (%4, %5, %6) 毫米   值 %7</translation>
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
    <message>
        <source>Automatic %1-%2 %</source>
        <translation>自动 %1-%2 %</translation>
    </message>
    <message>
        <source>Scanner: %1 (%2)</source>
        <translation>扫描仪：%1（%2）</translation>
    </message>
    <message>
        <source>Scanner %1: %2</source>
        <translation>扫描仪 %1：%2</translation>
    </message>
</context>
<context>
    <name>delineate::AiPanel</name>
    <message>
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Open...</source>
        <translation>打开...</translation>
    </message>
    <message>
        <source>A Delineate model (.dlm) or a TorchScript model (.pt with its .pt.json header)</source>
        <translation>Delineate 模型（.dlm）或 TorchScript 模型（.pt 及其 .pt.json 头文件）</translation>
    </message>
    <message>
        <source>The label the result goes into</source>
        <translation>结果写入的标签</translation>
    </message>
    <message>
        <source>Result into</source>
        <translation>结果写入</translation>
    </message>
    <message>
        <source>Any unlocked label</source>
        <translation>任何未锁定的标签</translation>
    </message>
    <message>
        <source>Empty voxels only</source>
        <translation>仅空体素</translation>
    </message>
    <message>
        <source>What the result may replace besides its own earlier result; locked labels never</source>
        <translation>除其自身先前结果外，结果可以替换哪些体素；已锁定的标签永远不会被替换</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source>Also voxels edited by hand</source>
        <translation>也包括手工编辑过的体素</translation>
    </message>
    <message>
        <source>Off: voxels edited by hand since the last AI run are kept</source>
        <translation>关闭时：保留自上次 AI 运行以来手工编辑过的体素</translation>
    </message>
    <message>
        <source>Current slice</source>
        <translation>当前切片</translation>
    </message>
    <message>
        <source>Whole series</source>
        <translation>整个序列</translation>
    </message>
    <message>
        <source>Draw box</source>
        <translation>绘制方框</translation>
    </message>
    <message>
        <source>Drag a rectangle on a view; the box spans the slices on either side</source>
        <translation>在视图上拖出矩形；方框延伸到两侧的切片</translation>
    </message>
    <message>
        <source>± </source>
        <translation>± </translation>
    </message>
    <message>
        <source> slices</source>
        <translation> 层</translation>
    </message>
    <message>
        <source>Run on box</source>
        <translation>在方框内运行</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>Re-thresholds the kept probabilities without running the network again</source>
        <translation>对保留的概率重新取阈值，无需再次运行网络</translation>
    </message>
    <message>
        <source>No uncertainty view</source>
        <translation>不显示不确定性</translation>
    </message>
    <message>
        <source>Probability heat map</source>
        <translation>概率热图</translation>
    </message>
    <message>
        <source>Uncertain band (0.3-0.7) outlined</source>
        <translation>不确定区带（0.3-0.7）轮廓</translation>
    </message>
    <message>
        <source>Next uncertain slice</source>
        <translation>下一个不确定切片</translation>
    </message>
    <message>
        <source>Slices in order of the network&apos;s mean entropy, most uncertain first</source>
        <translation>按网络平均熵排序的切片，最不确定的在前</translation>
    </message>
    <message>
        <source>AI results are for research use, not for diagnosis.</source>
        <translation>AI 结果仅供研究使用，不可用于诊断。</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <source>Models (*.dlm *.pt *.pts *.torchscript);;All files (*)</source>
        <translation>模型 (*.dlm *.pt *.pts *.torchscript);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Slice %1: among the most uncertain</source>
        <translation>第 %1 层：属于最不确定的切片之一</translation>
    </message>
    <message>
        <source>&lt;i&gt;No model chosen.&lt;/i&gt;</source>
        <translation>&lt;i&gt;未选择模型。&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Classes: %1</source>
        <translation>类别：%1</translation>
    </message>
    <message>
        <source>Input: %1, %2 channel(s), %3 normalisation</source>
        <translation>输入：%1，%2 个通道，%3 归一化</translation>
    </message>
    <message>
        <source>any modality</source>
        <translation>任意模态</translation>
    </message>
    <message>
        <source>z-score</source>
        <translation>z 分数</translation>
    </message>
    <message>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <source>Trained at %1 x %2 mm pixels, slices along voxel axis %3</source>
        <translation>训练像素为 %1 x %2 mm，沿体素轴 %3 切片</translation>
    </message>
    <message>
        <source>Network: %1, %2 levels from %3 channels</source>
        <translation>网络：%1，%2 层，起始 %3 个通道</translation>
    </message>
    <message>
        <source>Validation Dice %1: %2</source>
        <translation>验证 Dice %1：%2</translation>
    </message>
    <message>
        <source>Training data: %1</source>
        <translation>训练数据：%1</translation>
    </message>
    <message>
        <source>Made %1 (%2 epochs, %3 min)</source>
        <translation>制作于 %1（%2 轮，%3 分钟）</translation>
    </message>
    <message>
        <source>The model&apos;s classes (own labels)</source>
        <translation>模型的类别（各自的标签）</translation>
    </message>
    <message>
        <source>Label %1 %2</source>
        <translation>标签 %1 %2</translation>
    </message>
    <message>
        <source>Delineate</source>
        <translation>Delineate</translation>
    </message>
    <message>
        <source>This model may not fit the image:
%1

Run it anyway?</source>
        <translation>此模型可能不适合该图像：
%1

仍要运行吗？</translation>
    </message>
    <message>
        <source>Trained at %1 x %2 mm pixels, runs on axial slices however the series is stored</source>
        <translation>训练像素为 %1 x %2 mm，无论序列如何存储都在轴位切片上运行</translation>
    </message>
</context>
<context>
    <name>delineate::AiSession</name>
    <message>
        <source>The model expects %1 input channels; images here have one.</source>
        <translation>该模型需要 %1 个输入通道；这里的图像只有一个。</translation>
    </message>
    <message>
        <source>The model was made for %1 images; this image is %2.</source>
        <translation>该模型是为 %1 图像制作的；此图像为 %2。</translation>
    </message>
    <message>
        <source>The model was trained at %1 mm pixels; this image has %2 mm (it is resampled).</source>
        <translation>该模型训练时像素为 %1 mm；此图像为 %2 mm（将被重采样）。</translation>
    </message>
    <message>
        <source>The engine loads when a model first runs.</source>
        <translation>引擎将在首次运行模型时加载。</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>请先打开图像。</translation>
    </message>
    <message>
        <source>Choose a model first.</source>
        <translation>请先选择模型。</translation>
    </message>
    <message>
        <source>Draw a box first.</source>
        <translation>请先绘制方框。</translation>
    </message>
    <message>
        <source>AI on the current slice</source>
        <translation>对当前切片运行 AI</translation>
    </message>
    <message>
        <source>AI on the box</source>
        <translation>对方框运行 AI</translation>
    </message>
    <message>
        <source>AI on the whole series</source>
        <translation>对整个序列运行 AI</translation>
    </message>
    <message>
        <source>Loading the engine</source>
        <translation>正在加载引擎</translation>
    </message>
    <message>
        <source>Loading the model</source>
        <translation>正在加载模型</translation>
    </message>
    <message>
        <source>Cancelled: the segmentation is unchanged.</source>
        <translation>已取消：分割未改变。</translation>
    </message>
    <message>
        <source>The image was closed while the network ran.</source>
        <translation>网络运行期间图像已被关闭。</translation>
    </message>
    <message>
        <source>AI %1 (threshold %2)</source>
        <translation>AI %1（阈值 %2）</translation>
    </message>
    <message>
        <source>%1 voxels labelled in %2 s (%3).</source>
        <translation>%2 秒内标注了 %1 个体素（%3）。</translation>
    </message>
    <message>
        <source>%1 hand-edited voxels kept.</source>
        <translation>保留了 %1 个手工编辑的体素。</translation>
    </message>
    <message>
        <source>%1 voxels of locked labels kept.</source>
        <translation>保留了 %1 个已锁定标签的体素。</translation>
    </message>
    <message>
        <source>The AI engine could not be loaded, so models cannot run (viewing and editing work as before): %1</source>
        <translation>无法加载 AI 引擎，因此模型无法运行（查看和编辑照常可用）：%1</translation>
    </message>
    <message>
        <source>The segmentation or the image was closed before the AI result could be merged.</source>
        <translation>在合并 AI 结果之前，分割或图像已被关闭。</translation>
    </message>
    <message>
        <source>The AI result is merged when the edit in progress ends.</source>
        <translation>当前编辑结束后将合并 AI 结果。</translation>
    </message>
</context>
<context>
    <name>delineate::BoxTool</name>
    <message>
        <source>AI box</source>
        <translation>AI 方框</translation>
    </message>
</context>
<context>
    <name>delineate::BrushTool</name>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>The edit is kept, but could not be written to the recovery journal: %1</source>
        <translation>编辑已保留，但无法写入恢复日志：%1</translation>
    </message>
    <message>
        <source>Press inside the image: the intensity range is taken from the value under the pointer.</source>
        <translation>请在图像内按下：强度范围取自指针下的值。</translation>
    </message>
    <message>
        <source>value %1 %2</source>
        <translation>值 %1 %2</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
</context>
<context>
    <name>delineate::ComparisonLink</name>
    <message>
        <source>Scrolling not linked</source>
        <translation>滚动未联动</translation>
    </message>
    <message>
        <source>Not registered (different frames of reference): linked by slice number, not by position</source>
        <translation>未配准（参考坐标系不同）：按层号联动，而非按位置</translation>
    </message>
    <message>
        <source>Same frame of reference: linked by patient position</source>
        <translation>同一参考坐标系：按患者位置联动</translation>
    </message>
    <message>
        <source>Same frame of reference; this position is %1 mm beyond the compared series&apos; slices</source>
        <translation>同一参考坐标系；此位置超出对比序列的层面范围 %1 mm</translation>
    </message>
    <message>
        <source>Different patients (ID %1 and %2). %3</source>
        <translation>不同患者（ID %1 与 %2）。%3</translation>
    </message>
</context>
<context>
    <name>delineate::ComparisonView</name>
    <message>
        <source>Link scrolling</source>
        <translation>联动滚动</translation>
    </message>
    <message>
        <source>Close Comparison</source>
        <translation>关闭对比</translation>
    </message>
    <message>
        <source>Scrolling either view moves the other: to the same patient position when both series share a frame of reference, else to the same relative slice</source>
        <translation>滚动任一视图时另一视图随之移动：两个序列共享参考坐标系时移到相同的患者位置，否则移到相同的相对层面</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>视图：</translation>
    </message>
</context>
<context>
    <name>delineate::ComputeOptions</name>
    <message>
        <source>Automatic (GPU when available)</source>
        <translation>自动（有 GPU 时使用 GPU）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>GPU (CUDA)</source>
        <translation>GPU（CUDA）</translation>
    </message>
    <message>
        <source>Automatic (bfloat16 where the processor supports it)</source>
        <translation>自动（处理器支持时使用 bfloat16）</translation>
    </message>
    <message>
        <source>float32 (exact, slower)</source>
        <translation>float32（精确，较慢）</translation>
    </message>
    <message>
        <source>bfloat16 (about twice as fast on recent processors)</source>
        <translation>bfloat16（在较新的处理器上约快一倍）</translation>
    </message>
    <message>
        <source>Segmentation &amp;runs on:</source>
        <translation>分割运行于(&amp;R)：</translation>
    </message>
    <message>
        <source>Network &amp;precision:</source>
        <translation>网络精度(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>delineate::FillTool</name>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Click inside the image to fill.</source>
        <translation>在图像内单击以填充。</translation>
    </message>
    <message>
        <source>Finish the edit in progress first.</source>
        <translation>请先完成正在进行的编辑。</translation>
    </message>
    <message>
        <source>The fill is kept, but could not be written to the recovery journal: %1</source>
        <translation>填充已保留，但无法写入恢复日志：%1</translation>
    </message>
    <message numerus="yes">
        <source>Nothing filled: the %n voxel(s) of the region already hold the label or may not be overwritten.</source>
        <translation>
            <numerusform>未填充：该区域的 %n 个体素已是该标签或不允许覆盖。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filled %n voxel(s) with values from %1 to %2.</source>
        <translation>
            <numerusform>已填充 %n 个值在 %1 至 %2 之间的体素。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::HistoryPanel</name>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>No segmentation open.</source>
        <translation>没有打开的分割。</translation>
    </message>
    <message>
        <source>Start (%1 older steps dropped to save memory)</source>
        <translation>起点（为节省内存已丢弃 %1 个较早的步骤）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>%1 steps, %2 MB of undo memory</source>
        <translation>%1 个步骤，撤销内存 %2 MB</translation>
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
    <name>delineate::JobRunner</name>
    <message>
        <source>Out of memory.</source>
        <translation>内存不足。</translation>
    </message>
    <message>
        <source>Unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <source>The job ended without a result.</source>
        <translation>任务结束但没有结果。</translation>
    </message>
</context>
<context>
    <name>delineate::JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>about %1 min %2 s left</source>
        <translation>约剩 %1 分 %2 秒</translation>
    </message>
    <message>
        <source>about %1 s left</source>
        <translation>约剩 %1 秒</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>（另有 %1 个）</translation>
    </message>
</context>
<context>
    <name>delineate::LabelOperationsBox</name>
    <message>
        <source>Active label</source>
        <translation>当前标签</translation>
    </message>
    <message>
        <source>Interpolate</source>
        <translation>插值</translation>
    </message>
    <message>
        <source>Fill the slices between the slices where the active label was drawn with the shape between them (shape-based; only empty voxels are filled)</source>
        <translation>用两侧已绘制切片之间的形状填充其间的切片（基于形状；只填充空体素）</translation>
    </message>
    <message>
        <source>across the slices of the view last used</source>
        <translation>沿最近使用视图的切片</translation>
    </message>
    <message>
        <source>across axial slices</source>
        <translation>沿轴位切片</translation>
    </message>
    <message>
        <source>across coronal slices</source>
        <translation>沿冠状切片</translation>
    </message>
    <message>
        <source>across sagittal slices</source>
        <translation>沿矢状切片</translation>
    </message>
    <message>
        <source>Remove islands</source>
        <translation>去除孤岛</translation>
    </message>
    <message>
        <source>Remove the separate pieces of the active label smaller than the given size</source>
        <translation>去除当前标签中小于给定大小的分离部分</translation>
    </message>
    <message>
        <source>under </source>
        <translation>小于 </translation>
    </message>
    <message>
        <source> voxels</source>
        <translation> 体素</translation>
    </message>
    <message>
        <source>Keep largest</source>
        <translation>保留最大</translation>
    </message>
    <message>
        <source>Remove every piece of the active label but the largest</source>
        <translation>去除当前标签中除最大部分外的所有部分</translation>
    </message>
    <message>
        <source>Smooth</source>
        <translation>平滑</translation>
    </message>
    <message>
        <source>Opening (removes specks and spurs)</source>
        <translation>开运算（去除斑点和毛刺）</translation>
    </message>
    <message>
        <source>Closing (fills holes and gaps)</source>
        <translation>闭运算（填充孔洞和缝隙）</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Radius of the smoothing ball, in mm in every direction (uneven voxel spacing is honoured)</source>
        <translation>平滑球的半径，各方向均以 mm 计（考虑不均匀的体素间距）</translation>
    </message>
    <message>
        <source>There is no segmentation yet: draw the label first.</source>
        <translation>还没有分割：请先绘制标签。</translation>
    </message>
    <message>
        <source>Finish the edit in progress first.</source>
        <translation>请先完成正在进行的编辑。</translation>
    </message>
    <message>
        <source>Choose a label in the list first.</source>
        <translation>请先在列表中选择一个标签。</translation>
    </message>
    <message>
        <source>Interpolated, but the recovery journal failed: %1</source>
        <translation>已插值，但恢复日志写入失败：%1</translation>
    </message>
    <message>
        <source>Nothing to interpolate: %1 was drawn on %2 neighbouring slices, with no slice between them.</source>
        <translation>无可插值：%1 绘制于 %2 张相邻切片上，其间没有切片。</translation>
    </message>
    <message numerus="yes">
        <source>Nothing added: the %n slice(s) between the drawn slices of %1 hold its shape already or hold other labels.</source>
        <translation>
            <numerusform>未添加：%1 已绘制切片之间的 %n 张切片已有其形状或有其他标签。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Interpolated %1 across %n slice(s): %2 voxels added.</source>
        <translation>
            <numerusform>已在 %n 张切片上对 %1 插值：添加了 %2 个体素。</numerusform>
        </translation>
    </message>
    <message>
        <source>Islands removed, but the recovery journal failed: %1</source>
        <translation>已去除孤岛，但恢复日志写入失败：%1</translation>
    </message>
    <message>
        <source>%1 has no voxels.</source>
        <translation>%1 没有体素。</translation>
    </message>
    <message numerus="yes">
        <source>%1 had %n island(s); %2 removed (%3 voxels).</source>
        <translation>
            <numerusform>%1 有 %n 个孤岛；已去除 %2 个（%3 个体素）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Smoothed, but the recovery journal failed: %1</source>
        <translation>已平滑，但恢复日志写入失败：%1</translation>
    </message>
    <message numerus="yes">
        <source>Smoothed %1: %n voxel(s) changed.</source>
        <translation>
            <numerusform>已平滑 %1：改变了 %n 个体素。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::LassoTool</name>
    <message>
        <source>Lasso</source>
        <translation>套索</translation>
    </message>
    <message>
        <source>Draw an outline with the left button held down; it is filled when you let go.</source>
        <translation>按住左键绘制轮廓；松开时填充。</translation>
    </message>
    <message>
        <source>Finish the edit in progress first.</source>
        <translation>请先完成正在进行的编辑。</translation>
    </message>
    <message>
        <source>The edit is kept, but could not be written to the recovery journal: %1</source>
        <translation>编辑已保留，但无法写入恢复日志：%1</translation>
    </message>
    <message>
        <source>Nothing erased: the active label has no voxels inside the outline.</source>
        <translation>未擦除：轮廓内没有当前标签的体素。</translation>
    </message>
    <message>
        <source>Nothing filled: every voxel inside the outline holds the label already or may not be overwritten.</source>
        <translation>未填充：轮廓内的体素已是该标签或不允许覆盖。</translation>
    </message>
</context>
<context>
    <name>delineate::MainWindow</name>
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
        <source>&quot;%1&quot; is a DICOM %2 object (%3). Delineate cannot display this kind of object yet; open an image series of the same study instead.</source>
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
        <source>&quot;%1&quot; holds no voxels and cannot be shown.</source>
        <translation>“%1”不含任何体素，无法显示。</translation>
    </message>
    <message>
        <source>Show &amp;Crosshair</source>
        <translation>显示十字线(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Mouse and Keys</source>
        <translation>鼠标与键盘(&amp;M)</translation>
    </message>
    <message>
        <source>Next / previous slice</source>
        <translation>下一层 / 上一层</translation>
    </message>
    <message>
        <source>Mouse wheel; arrow keys; Page Up / Page Down (10 slices)</source>
        <translation>鼠标滚轮；方向键；Page Up / Page Down（10 层）</translation>
    </message>
    <message>
        <source>Move the crosshair</source>
        <translation>移动十字线</translation>
    </message>
    <message>
        <source>Left click or drag; Shift + move</source>
        <translation>左键单击或拖动；Shift + 移动鼠标</translation>
    </message>
    <message>
        <source>Show / hide the crosshair</source>
        <translation>显示 / 隐藏十字线</translation>
    </message>
    <message>
        <source>C</source>
        <translation>C</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Ctrl + wheel (about the mouse pointer)</source>
        <translation>Ctrl + 滚轮（以鼠标指针为中心）</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Middle-button drag</source>
        <translation>中键拖动</translation>
    </message>
    <message>
        <source>Fit to window / actual size</source>
        <translation>适应窗口 / 实际大小</translation>
    </message>
    <message>
        <source>F / Ctrl+1</source>
        <translation>F / Ctrl+1</translation>
    </message>
    <message>
        <source>Window / level</source>
        <translation>窗宽 / 窗位</translation>
    </message>
    <message>
        <source>Right-button drag: right = wider, down = higher level</source>
        <translation>右键拖动：向右 = 窗宽增大，向下 = 窗位升高</translation>
    </message>
    <message>
        <source>Window presets</source>
        <translation>窗预设</translation>
    </message>
    <message>
        <source>Maximise a view</source>
        <translation>最大化视图</translation>
    </message>
    <message>
        <source>Double-click; again or Escape to restore</source>
        <translation>双击；再次双击或按 Esc 恢复</translation>
    </message>
    <message>
        <source>Mouse and Keys</source>
        <translation>鼠标与键盘</translation>
    </message>
    <message>
        <source>Edits are kept, but the recovery journal failed: %1</source>
        <translation>编辑已保留，但恢复日志写入失败：%1</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <source>Paint / erase</source>
        <translation>绘制 / 擦除</translation>
    </message>
    <message>
        <source>Left-button drag with the brush or eraser; Ctrl + left click moves the crosshair meanwhile</source>
        <translation>使用画笔或橡皮擦时按住左键拖动；此时 Ctrl + 左键单击移动十字线</translation>
    </message>
    <message>
        <source>Brush size</source>
        <translation>画笔大小</translation>
    </message>
    <message>
        <source>[ smaller, ] larger</source>
        <translation>[ 缩小，] 放大</translation>
    </message>
    <message>
        <source>Active label</source>
        <translation>当前标签</translation>
    </message>
    <message>
        <source>Undo / redo</source>
        <translation>撤销 / 重做</translation>
    </message>
    <message>
        <source>Segmentation overlay</source>
        <translation>分割叠加层</translation>
    </message>
    <message>
        <source>O show / hide; Shift+O fill or outline</source>
        <translation>O 显示 / 隐藏；Shift+O 填充或轮廓</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Segmentation</source>
        <translation>分割(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;New Segmentation</source>
        <translation>新建分割(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open Segmentation...</source>
        <translation>打开分割(&amp;O)...</translation>
    </message>
    <message>
        <source>&amp;Save Segmentation</source>
        <translation>保存分割(&amp;S)</translation>
    </message>
    <message>
        <source>Save Segmentation &amp;As...</source>
        <translation>分割另存为(&amp;A)...</translation>
    </message>
    <message>
        <source>&amp;Close Segmentation</source>
        <translation>关闭分割(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Navigate</source>
        <translation>浏览(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation>画笔(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
        <source>Smaller Brush</source>
        <translation>缩小画笔</translation>
    </message>
    <message>
        <source>Larger Brush</source>
        <translation>放大画笔</translation>
    </message>
    <message>
        <source>Show &amp;Overlay</source>
        <translation>显示叠加层(&amp;O)</translation>
    </message>
    <message>
        <source>Outline Only</source>
        <translation>仅显示轮廓</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>请先打开图像。</translation>
    </message>
    <message>
        <source>Edits will not survive a crash: %1</source>
        <translation>编辑在程序崩溃时将无法恢复：%1</translation>
    </message>
    <message>
        <source>Active: %1</source>
        <translation>当前：%1</translation>
    </message>
    <message>
        <source>Open an image first: a segmentation is made on an image series.</source>
        <translation>请先打开图像：分割是在图像序列上创建的。</translation>
    </message>
    <message>
        <source>Open an image first: a segmentation is opened onto an image series.</source>
        <translation>请先打开图像：分割需要打开到某个图像序列上。</translation>
    </message>
    <message>
        <source>Open Segmentation</source>
        <translation>打开分割</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>This mask does not lie on the series&apos; voxel grid, so it would be drawn on the wrong anatomy.</source>
        <translation>该掩膜不在此序列的体素网格上，会被画在错误的解剖位置。</translation>
    </message>
    <message>
        <source>Resample onto this series (nearest neighbour)</source>
        <translation>重采样到此序列（最近邻）</translation>
    </message>
    <message>
        <source>%1 was resampled onto the series by nearest neighbour; save it to keep it.</source>
        <translation>%1 已按最近邻重采样到此序列；请保存以保留结果。</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save Segmentation</source>
        <translation>保存分割</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz *.nii);;NRRD, as 3D Slicer (*.seg.nrrd *.nrrd);;MetaImage (*.mha)</source>
        <translation>NIfTI (*.nii.gz *.nii);;NRRD，3D Slicer 格式 (*.seg.nrrd *.nrrd);;MetaImage (*.mha)</translation>
    </message>
    <message>
        <source>The segmentation &quot;%1&quot; has unsaved changes.</source>
        <translation>分割“%1”有未保存的更改。</translation>
    </message>
    <message>
        <source>Save them before closing it?</source>
        <translation>关闭前是否保存？</translation>
    </message>
    <message numerus="yes">
        <source>Delineate found %n unsaved edit(s) to this series from %1, left when Delineate ended unexpectedly.</source>
        <translation>
            <numerusform>Delineate 发现此序列有 %n 次未保存的编辑（%1），是 Delineate 意外结束时留下的。</numerusform>
        </translation>
    </message>
    <message>
        <source>Restore them onto this series?</source>
        <translation>是否将其恢复到此序列？</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>%1 - %2%3 - Delineate</source>
        <translation>%1 - %2%3 - Delineate</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>撤销(&amp;U) %1</translation>
    </message>
    <message>
        <source>&amp;Redo %1</source>
        <translation>重做(&amp;R) %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a segmentation of a series that is not in this study folder (%2); open that series first.</source>
        <translation>“%1”是不在此检查文件夹中的序列的分割（%2）；请先打开该序列。</translation>
    </message>
    <message>
        <source>N navigate, B brush, E eraser, G fill, L lasso</source>
        <translation>N 导航，B 画笔，E 橡皮擦，G 填充，L 套索</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Left click with the fill tool: the connected voxels within the tolerance</source>
        <translation>用填充工具左键单击：填充容差内的连通体素</translation>
    </message>
    <message>
        <source>Lasso</source>
        <translation>套索</translation>
    </message>
    <message>
        <source>Mark the slice reviewed</source>
        <translation>将切片标记为已审阅</translation>
    </message>
    <message>
        <source>R (again to unmark); the strip at a view&apos;s right edge shows reviewed slices</source>
        <translation>R（再按取消标记）；视图右边缘的条带显示已审阅切片</translation>
    </message>
    <message>
        <source>Save as &amp;DICOM SEG...</source>
        <translation>另存为 DICOM SEG(&amp;D)...</translation>
    </message>
    <message>
        <source>&amp;Fill</source>
        <translation>填充(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lasso</source>
        <translation>套索(&amp;L)</translation>
    </message>
    <message>
        <source>Mark Slice &amp;Reviewed</source>
        <translation>标记切片为已审阅(&amp;R)</translation>
    </message>
    <message>
        <source>Mark the slice on screen in the view last used as reviewed, or unmark it</source>
        <translation>将最近使用视图中当前显示的切片标记为已审阅，或取消标记</translation>
    </message>
    <message>
        <source>%1 slice %2 marked reviewed.</source>
        <translation>%1 切片 %2 已标记为已审阅。</translation>
    </message>
    <message>
        <source>%1 slice %2 no longer marked reviewed.</source>
        <translation>%1 切片 %2 已取消已审阅标记。</translation>
    </message>
    <message>
        <source>Segmentations (*.nii *.nii.gz *.nrrd *.mha *.dcm);;Label maps (*.nii *.nii.gz *.nrrd *.mha);;DICOM SEG (*.dcm);;All files (*)</source>
        <translation>分割 (*.nii *.nii.gz *.nrrd *.mha *.dcm);;标签图 (*.nii *.nii.gz *.nrrd *.mha);;DICOM SEG (*.dcm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Opened %1: %2</source>
        <translation>已打开 %1：%2</translation>
    </message>
    <message>
        <source>A DICOM segmentation refers to a DICOM series; the image on screen is a volume file. Save a label file instead.</source>
        <translation>DICOM 分割引用 DICOM 序列；当前显示的图像是体数据文件。请改存为标签文件。</translation>
    </message>
    <message>
        <source>Save as DICOM SEG</source>
        <translation>另存为 DICOM SEG</translation>
    </message>
    <message>
        <source>DICOM SEG (*.dcm)</source>
        <translation>DICOM SEG (*.dcm)</translation>
    </message>
    <message>
        <source>Saved the DICOM SEG %1 (the working segmentation is not marked saved: it keeps what a SEG cannot hold)</source>
        <translation>已保存 DICOM SEG %1（工作中的分割未标记为已保存：它保留了 SEG 无法容纳的内容）</translation>
    </message>
    <message>
        <source>The DICOM SEG was saved. Please note:</source>
        <translation>DICOM SEG 已保存。请注意：</translation>
    </message>
    <message numerus="yes">
        <source>Unsaved edits of %n series were left when Delineate last ended: Segmentation &gt; Recover Unsaved Edits lists them.</source>
        <translation>
            <numerusform>Delineate 上次结束时留下了 %n 个序列的未保存编辑：“分割 &gt; 恢复未保存的编辑”会列出它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>Alt+0 automatic</source>
        <translation>Alt+0 自动</translation>
    </message>
    <message>
        <source>Alt+%1 %2</source>
        <translation>Alt+%1 %2</translation>
    </message>
    <message>
        <source>Open a DICOM folder / a file</source>
        <translation>打开 DICOM 文件夹 / 文件</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O / %1</source>
        <translation>Ctrl+Shift+O / %1</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Left-button drag draws an outline, filled on release; Shift at the start erases the active label; Escape drops the outline</source>
        <translation>按住左键拖动绘制轮廓，松开时填充；开始时按住 Shift 则擦除当前标签；Esc 放弃轮廓</translation>
    </message>
    <message>
        <source>1 to 9 (a missing label is added)</source>
        <translation>1 至 9（不存在的标签会被添加）</translation>
    </message>
    <message>
        <source>%1 / Ctrl+Shift+Z (or Ctrl+Y)</source>
        <translation>%1 / Ctrl+Shift+Z（或 Ctrl+Y）</translation>
    </message>
    <message>
        <source>New / open segmentation</source>
        <translation>新建 / 打开分割</translation>
    </message>
    <message>
        <source>Ctrl+N / Ctrl+L</source>
        <translation>Ctrl+N / Ctrl+L</translation>
    </message>
    <message>
        <source>Save the segmentation / save as</source>
        <translation>保存分割 / 另存为</translation>
    </message>
    <message>
        <source>%1 / Ctrl+Shift+S</source>
        <translation>%1 / Ctrl+Shift+S</translation>
    </message>
    <message>
        <source>This list</source>
        <translation>本列表</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Re&amp;cover Unsaved Edits...</source>
        <translation>恢复未保存的编辑(&amp;C)...</translation>
    </message>
    <message>
        <source>Pointer: %1</source>
        <translation>指针处：%1</translation>
    </message>
    <message>
        <source>Layout 1 x 1 (&amp;Current View)</source>
        <translation>布局 1 x 1（当前视图）(&amp;C)</translation>
    </message>
    <message>
        <source>Show &amp;Acquired Images</source>
        <translation>显示采集图像(&amp;A)</translation>
    </message>
    <message>
        <source>Show a resampled series on the images the scanner acquired (display only)</source>
        <translation>在扫描仪采集的原始图像上显示已重采样的序列（仅供显示）</translation>
    </message>
    <message>
        <source>Compare Side by Side &amp;With</source>
        <translation>并排对比(&amp;W)</translation>
    </message>
    <message>
        <source>Series %1</source>
        <translation>序列 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%3, %n images)</source>
        <translation>
            <numerusform>%1：%2（%3，%n 幅图像）</numerusform>
        </translation>
    </message>
    <message>
        <source>(no other series in the opened study)</source>
        <translation>（已打开的检查中没有其他序列）</translation>
    </message>
    <message>
        <source>Close Side by Side</source>
        <translation>关闭并排对比</translation>
    </message>
    <message numerus="yes">
        <source>No DICOM images were found in %1: its %n file(s) are not DICOM (listed in the study browser).</source>
        <translation>
            <numerusform>在 %1 中未找到 DICOM 图像：其中的 %n 个文件都不是 DICOM 文件（列在检查浏览器中）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Invert the display / reset the view</source>
        <translation>反相显示 / 重置视图</translation>
    </message>
    <message>
        <source>Ctrl+I / Ctrl+0 (window as opened, fitted)</source>
        <translation>Ctrl+I / Ctrl+0（恢复打开时的窗，适应窗口）</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>M ruler, Shift+R rectangle region, Shift+E ellipse region, Shift+A angle (three clicks); drag a handle to edit; Del deletes the selected measurement</source>
        <translation>M 直尺，Shift+R 矩形区域，Shift+E 椭圆区域，Shift+A 角度（点击三次）；拖动控制点进行编辑；Del 删除选中的测量</translation>
    </message>
    <message>
        <source>Slices are reviewed on the regularised volume: turn off View &gt; Show Acquired Images first.</source>
        <translation>切片审阅在规则化体数据上进行：请先关闭“视图 &gt; 显示采集图像”。</translation>
    </message>
</context>
<context>
    <name>delineate::MeasureTool</name>
    <message>
        <source>Ruler</source>
        <translation>直尺</translation>
    </message>
    <message>
        <source>Rectangle region</source>
        <translation>矩形区域</translation>
    </message>
    <message>
        <source>Ellipse region</source>
        <translation>椭圆区域</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
</context>
<context>
    <name>delineate::MeasurementList</name>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>层面</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Ruler %1</source>
        <translation>直尺 %1</translation>
    </message>
    <message>
        <source>Rectangle %1</source>
        <translation>矩形 %1</translation>
    </message>
    <message>
        <source>Ellipse %1</source>
        <translation>椭圆 %1</translation>
    </message>
    <message>
        <source>Angle %1</source>
        <translation>角度 %1</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>No voxel centre inside; area %1 mm²</source>
        <translation>区域内没有体素中心；面积 %1 mm²</translation>
    </message>
    <message numerus="yes">
        <source>Mean %1%2, SD %3, min %4, max %5; area %6 mm² (%n voxel(s))</source>
        <translation>
            <numerusform>均值 %1%2，标准差 %3，最小 %4，最大 %5；面积 %6 mm²（%n 个体素）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 ± %2%3
%4 mm²</source>
        <translation>%1 ± %2%3
%4 mm²</translation>
    </message>
    <message>
        <source>This series was resampled on loading (gantry tilt or uneven slice spacing): measurements are made on the resampled voxels, not on the acquired images.</source>
        <translation>该序列在加载时已重采样（机架倾斜或层间距不均）：测量在重采样后的体素上进行，而不是在采集的原始图像上。</translation>
    </message>
    <message>
        <source>Voxels are %1 x %2 x %3 mm: lengths and angles are in mm, and region statistics are over the voxels of the slice the region is drawn on.</source>
        <translation>体素为 %1 x %2 x %3 mm：长度和角度以毫米计算，区域统计只针对绘制该区域的层面上的体素。</translation>
    </message>
    <message>
        <source>Open the series the measurements were made on first.</source>
        <translation>请先打开进行这些测量的序列。</translation>
    </message>
    <message>
        <source>These measurements were made on another voxel grid (%1 x %2 x %3 voxels) than the series on screen (%4 x %5 x %6): they would lie on the wrong anatomy.</source>
        <translation>这些测量是在另一个体素网格（%1 x %2 x %3 体素）上进行的，与屏幕上的序列（%4 x %5 x %6）不同：它们会落在错误的解剖位置上。</translation>
    </message>
</context>
<context>
    <name>delineate::MeasurementPanel</name>
    <message>
        <source>Measurements</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Ruler</source>
        <translation>直尺</translation>
    </message>
    <message>
        <source>Ruler (M): drag from one point to the other; the length is in mm</source>
        <translation>直尺（M）：从一点拖到另一点；长度以毫米计</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>Rectangle region (Shift+R): drag a corner to the opposite one</source>
        <translation>矩形区域（Shift+R）：从一个角拖到对角</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>Ellipse region (Shift+E): drag the corners of the box around it</source>
        <translation>椭圆区域（Shift+E）：拖出其外接矩形的两个对角</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>Angle (Shift+A): click the first end, the vertex, then the second end</source>
        <translation>角度（Shift+A）：依次点击第一个端点、顶点和第二个端点</translation>
    </message>
    <message>
        <source>Rectangle %1</source>
        <translation>矩形 %1</translation>
    </message>
    <message>
        <source>Ellipse %1</source>
        <translation>椭圆 %1</translation>
    </message>
    <message>
        <source>Sagittal %1</source>
        <translation>矢状面 %1</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected measurement (Del)</source>
        <translation>删除选中的测量（Del）</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>保存...</translation>
    </message>
    <message>
        <source>Save the measurements of this series as a JSON file beside the study</source>
        <translation>将此序列的测量保存为检查旁的 JSON 文件</translation>
    </message>
    <message>
        <source>Open...</source>
        <translation>打开...</translation>
    </message>
    <message>
        <source>Add the measurements of a JSON file saved on this series</source>
        <translation>添加在此序列上保存的 JSON 文件中的测量</translation>
    </message>
    <message>
        <source>&amp;Measure</source>
        <translation>测量(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Ruler</source>
        <translation>直尺(&amp;R)</translation>
    </message>
    <message>
        <source>Rec&amp;tangle Region</source>
        <translation>矩形区域(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Ellipse Region</source>
        <translation>椭圆区域(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Angle</source>
        <translation>角度(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete Measurement</source>
        <translation>删除测量(&amp;D)</translation>
    </message>
    <message>
        <source>Delete All on This Series</source>
        <translation>删除此序列上的全部测量</translation>
    </message>
    <message>
        <source>&amp;Save Measurements...</source>
        <translation>保存测量(&amp;S)...</translation>
    </message>
    <message>
        <source>&amp;Open Measurements...</source>
        <translation>打开测量(&amp;O)...</translation>
    </message>
    <message>
        <source>Measurements &amp;Panel</source>
        <translation>测量面板(&amp;P)</translation>
    </message>
    <message>
        <source>%1 deleted.</source>
        <translation>已删除 %1。</translation>
    </message>
    <message>
        <source>There are no measurements on this series to save.</source>
        <translation>此序列上没有可保存的测量。</translation>
    </message>
    <message>
        <source>Save Measurements</source>
        <translation>保存测量</translation>
    </message>
    <message>
        <source>Measurements (*.json)</source>
        <translation>测量 (*.json)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n measurement(s) to %1</source>
        <translation>
            <numerusform>已将 %n 项测量保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Measurements</source>
        <translation>打开测量</translation>
    </message>
    <message numerus="yes">
        <source>Added %n measurement(s) from %1</source>
        <translation>
            <numerusform>已从 %1 添加 %n 项测量</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::MetricsChart</name>
    <message>
        <source>Loss (orange, left scale) and validation Dice (blue, right scale, 0 to 1) per epoch; dots mark the best epochs</source>
        <translation>每轮的损失（橙色，左侧刻度）和验证 Dice（蓝色，右侧刻度，0 到 1）；圆点标出最佳轮次</translation>
    </message>
    <message>
        <source>The curves appear as epochs finish.</source>
        <translation>每轮结束后显示曲线。</translation>
    </message>
    <message>
        <source>epoch %1-%2</source>
        <translation>第 %1-%2 轮</translation>
    </message>
</context>
<context>
    <name>delineate::RecoveryDialog</name>
    <message>
        <source>Recover Unsaved Edits</source>
        <translation>恢复未保存的编辑</translation>
    </message>
    <message>
        <source>Edits of these segmentations were not saved when Delineate last ended. A journal is restored onto the series it was made on: open that series, then restore it here.</source>
        <translation>Delineate 上次结束时，这些分割的编辑尚未保存。日志会恢复到创建它的序列上：请先打开该序列，然后在此恢复。</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Edits</source>
        <translation>编辑</translation>
    </message>
    <message>
        <source>Last edit</source>
        <translation>最后编辑</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>丢弃</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n edit(s).</source>
        <translation>
            <numerusform>已恢复 %n 次编辑。</numerusform>
        </translation>
    </message>
    <message>
        <source>The journal ended in an incomplete record (%1); every complete edit before it was restored.</source>
        <translation>日志以不完整的记录结束（%1）；之前的所有完整编辑均已恢复。</translation>
    </message>
    <message>
        <source>Made on the series on screen: ready to restore</source>
        <translation>在当前显示的序列上创建：可以恢复</translation>
    </message>
    <message>
        <source>Open its series (%1) to restore it</source>
        <translation>打开其序列（%1）以恢复</translation>
    </message>
    <message>
        <source>No unsaved edits are waiting.</source>
        <translation>没有待恢复的未保存编辑。</translation>
    </message>
    <message>
        <source>This journal belongs to another series (%1). Open that series; it can then be restored here or when it opens.</source>
        <translation>此日志属于另一个序列（%1）。请打开该序列；之后可在此处或在其打开时恢复。</translation>
    </message>
    <message>
        <source>Save or close the segmentation being edited first: restoring replaces it.</source>
        <translation>请先保存或关闭正在编辑的分割：恢复会替换它。</translation>
    </message>
    <message numerus="yes">
        <source>Discarded %n unsaved edit(s).</source>
        <translation>
            <numerusform>已丢弃 %n 次未保存的编辑。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::ReviewStrip</name>
    <message>
        <source>Slice %1 of %2: reviewed</source>
        <translation>切片 %1 / %2：已审阅</translation>
    </message>
    <message>
        <source>Slice %1 of %2: not reviewed</source>
        <translation>切片 %1 / %2：未审阅</translation>
    </message>
    <message>
        <source>Click to go to a slice; R marks the slice on screen reviewed.</source>
        <translation>单击跳转到切片；R 将当前切片标记为已审阅。</translation>
    </message>
</context>
<context>
    <name>delineate::SegmentMeaningDialog</name>
    <message>
        <source>Meaning of %1</source>
        <translation>%1 的含义</translation>
    </message>
    <message>
        <source>What the segment is, as DICOM codes it (segmented property category and type, SNOMED CT). Files and DICOM SEG exports carry it.</source>
        <translation>该分段是什么，按 DICOM 编码（分割属性类别和类型，SNOMED CT）。文件和 DICOM SEG 导出会携带它。</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>SNOMED CT code</source>
        <translation>SNOMED CT 编码</translation>
    </message>
    <message>
        <source>Choose a type.</source>
        <translation>请选择类型。</translation>
    </message>
    <message>
        <source>Category: %1 (%2)
Type: %3 (%4)</source>
        <translation>类别：%1（%2）
类型：%3（%4）</translation>
    </message>
</context>
<context>
    <name>delineate::SegmentationPanel</name>
    <message>
        <source>Segmentation</source>
        <translation>分割</translation>
    </message>
    <message>
        <source>Navigate</source>
        <translation>浏览</translation>
    </message>
    <message>
        <source>Navigate (N): left button moves the crosshair</source>
        <translation>浏览（N）：左键移动十字线</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Brush (B): paint the active label; [ and ] change the size</source>
        <translation>画笔（B）：绘制当前标签；[ 和 ] 调整大小</translation>
    </message>
    <message>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <source>Eraser (E): erase labels; [ and ] change the size</source>
        <translation>橡皮擦（E）：擦除标签；[ 和 ] 调整大小</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>可见</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Add label</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Remove label</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Show (O)</source>
        <translation>显示（O）</translation>
    </message>
    <message>
        <source>Outline (Shift+O)</source>
        <translation>轮廓（Shift+O）</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>No segmentation: painting, &quot;Add label&quot; or Segmentation &gt; New starts one.</source>
        <translation>没有分割：绘制、“添加标签”或“分割 &gt; 新建分割”会创建一个。</translation>
    </message>
    <message>
        <source>Colour of label %1</source>
        <translation>标签 %1 的颜色</translation>
    </message>
    <message>
        <source>%1 (unsaved)</source>
        <translation>%1（未保存）</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <source>Fill (G): click to fill the connected voxels whose values lie within the tolerance of the clicked voxel&apos;s value</source>
        <translation>填充（G）：单击以填充值在所点体素值容差范围内的连通体素</translation>
    </message>
    <message>
        <source>Lasso</source>
        <translation>套索</translation>
    </message>
    <message>
        <source>Lasso (L): draw an outline on the slice; it is filled with the active label when you let go. Hold Shift as you start to erase the active label inside instead</source>
        <translation>套索（L）：在切片上绘制轮廓；松开时用当前标签填充。开始时按住 Shift 则改为擦除其中的当前标签</translation>
    </message>
    <message>
        <source>Labels (1-9 select; double-click a colour, review status or meaning to change it)</source>
        <translation>标签（1-9 选择；双击颜色、审阅状态或含义进行修改）</translation>
    </message>
    <message>
        <source>Voxels</source>
        <translation>体素</translation>
    </message>
    <message>
        <source>Volume
(ml)</source>
        <translation>体积
(ml)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>审阅</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Voxels of the label, updated after every edit</source>
        <translation>该标签的体素数，每次编辑后更新</translation>
    </message>
    <message>
        <source>Volume of the label in millilitres</source>
        <translation>该标签的体积（毫升）</translation>
    </message>
    <message>
        <source>How far the review of this segment has got</source>
        <translation>该分段的审阅进度</translation>
    </message>
    <message>
        <source>What the segment is (DICOM category and type with SNOMED CT codes); saved with it</source>
        <translation>该分段是什么（带 SNOMED CT 编码的 DICOM 类别和类型）；随其保存</translation>
    </message>
    <message>
        <source>%1 (%2 %3) / %4 (%5 %6)%7</source>
        <translation>%1（%2 %3）/ %4（%5 %6）%7</translation>
    </message>
    <message>
        <source>Not chosen yet: taken from the name. Double-click to choose.</source>
        <translation>尚未选择：取自名称。双击进行选择。</translation>
    </message>
    <message>
        <source>New label on its own layer</source>
        <translation>新建独立图层上的标签</translation>
    </message>
    <message>
        <source>Adds a label on a layer of its own, so that it may overlap the other labels (each layer holds one label per voxel); one undo removes both</source>
        <translation>在独立的图层上添加标签，使其可与其他标签重叠（每个图层每个体素只有一个标签）；一次撤销即可同时移除二者</translation>
    </message>
    <message>
        <source>Label %1, on layer %2</source>
        <translation>标签 %1，位于第 %2 层</translation>
    </message>
</context>
<context>
    <name>delineate::SegmentationSession</name>
    <message>
        <source>New segmentation</source>
        <translation>新分割</translation>
    </message>
    <message>
        <source>Open an image first.</source>
        <translation>请先打开图像。</translation>
    </message>
    <message>
        <source>There is no segmentation to save.</source>
        <translation>没有可保存的分割。</translation>
    </message>
    <message>
        <source>%1 belongs to another series.</source>
        <translation>%1 属于另一个序列。</translation>
    </message>
    <message>
        <source>%1 is a DICOM segmentation: open the DICOM series it refers to first, then the segmentation.</source>
        <translation>%1 是 DICOM 分割：请先打开其引用的 DICOM 序列，再打开该分割。</translation>
    </message>
    <message>
        <source>A DICOM segmentation refers to a DICOM series; the image on screen is not one. Save a label file instead.</source>
        <translation>DICOM 分割引用 DICOM 序列；当前显示的图像不是。请改存为标签文件。</translation>
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
    <message>
        <source>One view, the one last used (1 x 1)</source>
        <translation>单个视图，即最近使用的视图（1 x 1）</translation>
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
        <source>%1  %2 / %3</source>
        <translation>%1  %2 / %3</translation>
    </message>
    <message>
        <source>Orientation unknown (not in the files)</source>
        <translation>方向未知（文件中没有方向信息）</translation>
    </message>
    <message>
        <source>Inverted</source>
        <translation>反相</translation>
    </message>
    <message>
        <source>Acquired images (%1): display only</source>
        <translation>采集图像（%1 幅）：仅供显示</translation>
    </message>
    <message>
        <source>Regularised volume</source>
        <translation>规则化体数据</translation>
    </message>
</context>
<context>
    <name>delineate::StudyBrowser</name>
    <message>
        <source>Studies</source>
        <translation>检查列表</translation>
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
        <translation>容积文件</translation>
    </message>
    <message>
        <source>%1; double-click to open</source>
        <translation>%1；双击打开</translation>
    </message>
    <message>
        <source>%1; double-click to open it on the series it segments</source>
        <translation>%1；双击在其分割的序列上打开</translation>
    </message>
    <message>
        <source>Select a file to read the whole reason below the list.</source>
        <translation>选择一个文件，即可在列表下方阅读完整原因。</translation>
    </message>
    <message numerus="yes">
        <source>%n non-DICOM file(s) skipped</source>
        <translation>
            <numerusform>已跳过 %n 个非 DICOM 文件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;p&gt;Not DICOM (no DICOM preamble or elements), so not part of a study:&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;不是 DICOM 文件（没有 DICOM 前导码或数据元素），因此不属于任何检查：&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Not DICOM (no DICOM preamble or elements), so not part of a study:
%1</source>
        <translation>不是 DICOM 文件（没有 DICOM 前导码或数据元素），因此不属于任何检查：
%1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Compare Side by Side</source>
        <translation>并排对比</translation>
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
        <source>Could not load the series &quot;%1&quot;: %2</source>
        <translation>无法载入序列“%1”：%2</translation>
    </message>
    <message>
        <source>Making thumbnails</source>
        <translation>正在生成缩略图</translation>
    </message>
</context>
<context>
    <name>delineate::ToolOptions</name>
    <message>
        <source>Brush radius ([ smaller, ] larger)</source>
        <translation>画笔半径（[ 缩小，] 放大）</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>voxels</source>
        <translation>体素</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>半径</translation>
    </message>
    <message>
        <source>2D disk (this slice)</source>
        <translation>二维圆盘（当前切片）</translation>
    </message>
    <message>
        <source>3D sphere</source>
        <translation>三维球体</translation>
    </message>
    <message>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <source>Limit to intensity range</source>
        <translation>限制在强度范围内</translation>
    </message>
    <message>
        <source>Paint (or erase) only voxels whose image value lies in the range</source>
        <translation>只绘制（或擦除）图像值在范围内的体素</translation>
    </message>
    <message>
        <source>Lowest image value painted</source>
        <translation>绘制的最低图像值</translation>
    </message>
    <message>
        <source>Highest image value painted</source>
        <translation>绘制的最高图像值</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>值</translation>
    </message>
    <message>
        <source>From the value under the pointer</source>
        <translation>取自指针下的值</translation>
    </message>
    <message>
        <source>Each stroke takes its range from the value where it starts, plus and minus the tolerance</source>
        <translation>每一笔的范围取自起点的值，加减容差</translation>
    </message>
    <message>
        <source>The fill takes the connected voxels whose values lie within this distance of the clicked voxel&apos;s value</source>
        <translation>填充值与所点体素值相差在此范围内的连通体素</translation>
    </message>
    <message>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>2D (this slice)</source>
        <translation>二维（当前切片）</translation>
    </message>
    <message>
        <source>3D (all slices)</source>
        <translation>三维（所有切片）</translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation>填充范围</translation>
    </message>
    <message>
        <source>Any unlocked label</source>
        <translation>任何未锁定的标签</translation>
    </message>
    <message>
        <source>Empty voxels only</source>
        <translation>仅空体素</translation>
    </message>
    <message>
        <source>Only voxels of one label</source>
        <translation>仅某个标签的体素</translation>
    </message>
    <message>
        <source>Which voxels the tool may change; locked labels are never changed</source>
        <translation>工具可改变哪些体素；锁定的标签永不改变</translation>
    </message>
    <message>
        <source>The label whose voxels the tool may change</source>
        <translation>工具可改变其体素的标签</translation>
    </message>
    <message>
        <source>Overwrite</source>
        <translation>覆盖</translation>
    </message>
    <message>
        <source> HU</source>
        <translation> HU</translation>
    </message>
    <message>
        <source>Left button moves the crosshair. Choose a tool to edit.</source>
        <translation>左键移动十字光标。选择一个工具进行编辑。</translation>
    </message>
    <message>
        <source>Draw an outline with the left button; it is filled when you let go. Shift at the start erases the active label inside. Escape drops it.</source>
        <translation>用左键绘制轮廓；松开时填充。开始时按住 Shift 则擦除其中的当前标签。按 Esc 放弃。</translation>
    </message>
    <message>
        <source>Click a voxel: its connected neighbours within the tolerance of its value get the active label.</source>
        <translation>单击一个体素：值在其容差范围内的连通邻域被赋予当前标签。</translation>
    </message>
</context>
<context>
    <name>delineate::TrainingPanel</name>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2, validation Dice %3</source>
        <translation>第 %1 轮：损失 %2，验证 Dice %3</translation>
    </message>
    <message>
        <source>Epoch %1: loss %2</source>
        <translation>第 %1 轮：损失 %2</translation>
    </message>
    <message>
        <source>%1% %2</source>
        <translation>%1% %2</translation>
    </message>
    <message>
        <source>Training store</source>
        <translation>训练样本库</translation>
    </message>
    <message>
        <source>Choose...</source>
        <translation>选择...</translation>
    </message>
    <message>
        <source>The folder of accepted image/mask pairs; a new empty folder starts a new store</source>
        <translation>已确认图像/掩膜对的文件夹；新的空文件夹将开始一个新样本库</translation>
    </message>
    <message>
        <source>your name, recorded with each accepted sample</source>
        <translation>您的姓名，随每个确认的样本记录</translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation>标注者</translation>
    </message>
    <message>
        <source>Only the slices marked reviewed</source>
        <translation>仅标记为已审阅的切片</translation>
    </message>
    <message>
        <source>Train on the axial slices marked reviewed (R) only; the rest of the volume is left out</source>
        <translation>只用标记为已审阅（R）的轴位切片训练；体数据的其余部分不参与</translation>
    </message>
    <message>
        <source>Accept correction</source>
        <translation>确认修正</translation>
    </message>
    <message>
        <source>Add the image on screen and its corrected segmentation to the store as a training sample (no patient identifier is written; the split of this patient is kept)</source>
        <translation>将当前图像及其修正后的分割作为训练样本加入样本库（不写入任何患者标识；保持该患者的划分）</translation>
    </message>
    <message>
        <source>Fine-tune</source>
        <translation>微调</translation>
    </message>
    <message>
        <source>the active model</source>
        <translation>当前模型</translation>
    </message>
    <message>
        <source>scratch (a new model)</source>
        <translation>从零开始（新模型）</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>起始</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Steps per epoch</source>
        <translation>每轮步数</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Patch</source>
        <translation>图块</translation>
    </message>
    <message>
        <source>preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Channels at the first level of a new model (preset: the default U-Net&apos;s)</source>
        <translation>新模型第一层的通道数（预设：默认 U-Net 的值）</translation>
    </message>
    <message>
        <source>Width (new model)</source>
        <translation>宽度（新模型）</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>End after the current step and keep the best model so far as a new version</source>
        <translation>在当前步骤后结束，并将迄今最佳模型保存为新版本</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>End now and keep nothing</source>
        <translation>立即结束，不保留任何结果</translation>
    </message>
    <message>
        <source>Model versions</source>
        <translation>模型版本</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>父版本</translation>
    </message>
    <message>
        <source>Validation Dice</source>
        <translation>验证 Dice</translation>
    </message>
    <message>
        <source>Trained</source>
        <translation>训练时间</translation>
    </message>
    <message>
        <source>Promote</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Make the selected version the active model (the AI panel uses it)</source>
        <translation>将所选版本设为当前模型（AI 面板使用它）</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回退</translation>
    </message>
    <message>
        <source>Return to the version that was active before the last promotion</source>
        <translation>回到上次启用前的当前版本</translation>
    </message>
    <message>
        <source>Training started on the worker; viewing and editing go on.</source>
        <translation>训练已在后台开始；浏览和编辑照常进行。</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Stopping after the current step; the best model so far will be kept.</source>
        <translation>将在当前步骤后停止；迄今最佳模型将被保留。</translation>
    </message>
    <message>
        <source>%1 is the active model now.</source>
        <translation>%1 现在是当前模型。</translation>
    </message>
    <message>
        <source>Rolled back: %1 is the active model again.</source>
        <translation>已回退：%1 再次成为当前模型。</translation>
    </message>
    <message>
        <source>(no store chosen)</source>
        <translation>（未选择样本库）</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s): %1 for training, %2 for validation (split version %3)</source>
        <translation>
            <numerusform>%n 个样本：%1 个用于训练，%2 个用于验证（划分版本 %3）</numerusform>
        </translation>
    </message>
    <message>
        <source>last added %1</source>
        <translation>最近添加于 %1</translation>
    </message>
    <message>
        <source>%1 (active)</source>
        <translation>%1（当前）</translation>
    </message>
    <message>
        <source>scratch</source>
        <translation>从零开始</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Resume interrupted run</source>
        <translation>继续中断的运行</translation>
    </message>
    <message>
        <source>A training run on this store did not end (the application was closed by force or crashed). Resume it from its last finished epoch with the settings it was started with.</source>
        <translation>此样本库上的一次训练运行未正常结束（应用被强制关闭或崩溃）。可按其启动时的设置，从最后完成的轮次继续。</translation>
    </message>
    <message>
        <source>The interrupted run goes on from its last finished epoch.</source>
        <translation>中断的运行将从最后完成的轮次继续。</translation>
    </message>
    <message>
        <source>Waiting while an AI run computes (one network job at a time); the training goes on after it.</source>
        <translation>正在等待 AI 运行计算（一次只运行一个网络任务）；之后训练将继续。</translation>
    </message>
    <message>
        <source>The AI run has finished; the training stays paused.</source>
        <translation>AI 运行已结束；训练保持暂停。</translation>
    </message>
    <message>
        <source>The AI run has finished; the training goes on.</source>
        <translation>AI 运行已结束；训练继续。</translation>
    </message>
    <message>
        <source>Compare with active</source>
        <translation>与活动版本比较</translation>
    </message>
    <message>
        <source>Segment every validation sample with the selected and the active version and list the foreground Dice of each, case by case</source>
        <translation>用所选版本和活动版本分割每个验证样本，并逐例列出各自的前景 Dice</translation>
    </message>
    <message>
        <source>Comparing %1 with %2 on the validation samples...</source>
        <translation>正在验证样本上比较 %1 与 %2...</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差值</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>平均</translation>
    </message>
</context>
<context>
    <name>delineate::TrainingSession</name>
    <message>
        <source>Open an image and its corrected segmentation first.</source>
        <translation>请先打开图像及其修正后的分割。</translation>
    </message>
    <message>
        <source>A correction is being accepted already.</source>
        <translation>已有一个修正正在确认中。</translation>
    </message>
    <message>
        <source>Accepting the correction</source>
        <translation>正在确认修正</translation>
    </message>
    <message>
        <source>Writing the sample into the training store</source>
        <translation>正在将样本写入训练样本库</translation>
    </message>
    <message>
        <source>Accepting was cancelled.</source>
        <translation>确认已取消。</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Accepted as sample %1 (%2); %3 voxels corrected from the model&apos;s result.</source>
        <translation>已确认为样本 %1（%2）；相对模型结果修正了 %3 个体素。</translation>
    </message>
    <message>
        <source>Accepted as sample %1 (%2).</source>
        <translation>已确认为样本 %1（%2）。</translation>
    </message>
    <message>
        <source>Choose a training store first.</source>
        <translation>请先选择训练样本库。</translation>
    </message>
    <message>
        <source>A training is running already.</source>
        <translation>已有训练正在运行。</translation>
    </message>
    <message>
        <source>The store has no training samples yet: accept corrections first.</source>
        <translation>样本库还没有训练样本：请先确认修正。</translation>
    </message>
    <message>
        <source>The store has no model yet: train one from scratch first.</source>
        <translation>样本库还没有模型：请先从零开始训练一个。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training store, split version %1: %2 training and %3 validation samples</source>
        <translation>训练样本库，划分版本 %1：%2 个训练样本、%3 个验证样本</translation>
    </message>
    <message>
        <source>Training cancelled; nothing was kept.</source>
        <translation>训练已取消；未保留任何结果。</translation>
    </message>
    <message>
        <source>Version %1 trained: validation Dice %2. Compare it, then promote it to use it.</source>
        <translation>版本 %1 已训练：验证 Dice %2。比较后启用即可使用。</translation>
    </message>
    <message>
        <source>Version %1 trained (no validation samples).</source>
        <translation>版本 %1 已训练（无验证样本）。</translation>
    </message>
    <message>
        <source>There is no interrupted training run to resume.</source>
        <translation>没有可继续的中断训练运行。</translation>
    </message>
    <message>
        <source>%1: cannot read (%2)</source>
        <translation>%1：无法读取（%2）</translation>
    </message>
    <message>
        <source>The interrupted run fine-tuned version %1, which is no longer in the store.</source>
        <translation>中断的运行微调的是版本 %1，该版本已不在样本库中。</translation>
    </message>
    <message>
        <source>Training (resumed)</source>
        <translation>训练（继续）</translation>
    </message>
    <message>
        <source>Wait for the training to end: one network job runs at a time.</source>
        <translation>请等待训练结束：一次只运行一个网络任务。</translation>
    </message>
    <message>
        <source>Choose two different versions to compare.</source>
        <translation>请选择两个不同的版本进行比较。</translation>
    </message>
    <message>
        <source>Comparing %1 and %2</source>
        <translation>正在比较 %1 和 %2</translation>
    </message>
    <message>
        <source>Comparison cancelled.</source>
        <translation>比较已取消。</translation>
    </message>
    <message>
        <source>Mean foreground Dice on %1 validation sample(s): %2 %3, %4 %5.</source>
        <translation>%1 个验证样本上的平均前景 Dice：%2 %3，%4 %5。</translation>
    </message>
</context>
<context>
    <name>delineate::ViewerState</name>
    <message>
        <source>%1 HU</source>
        <translation>%1 HU</translation>
    </message>
    <message>
        <source>Automatic (1-99 %)</source>
        <translation>自动（1-99 %）</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>自动</translation>
    </message>
</context>
<context>
    <name>delineate::WindowLevelMenu</name>
    <message>
        <source>&amp;Window/Level</source>
        <translation>窗宽/窗位(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>反相显示(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Reset View</source>
        <translation>重置视图(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Automatic (1-99 %)</source>
        <translation>自动（1-99 %）(&amp;A)</translation>
    </message>
    <message>
        <source>%1 (W %2, L %3)</source>
        <translation>%1（窗宽 %2，窗位 %3）</translation>
    </message>
</context>
</TS>
