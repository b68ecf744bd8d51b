import type { Copy } from './languages.ts';

/** What db.ts says to people about the warehouse file, per language (wording several places share is in pipeline/i18n.ts); DuckDB's and the system's own reasons are kept as they say them. */
const en = {
  'db.notAFile': 'the warehouse {db} is a folder or a device, not a file; give --db the path of a file',
  'db.folderBlocked': 'cannot make the folder of the warehouse {db}: a file is in the way',
  'db.folderFailed': 'cannot make the folder of the warehouse {db}: {reason}',
  'db.cannotOpen': 'cannot open the warehouse {db}: {reason}',
  'db.busy': 'the warehouse {db} is in use by another hearken run',
  'db.busyProcess': 'the warehouse {db} is in use by another hearken run (process {pid})',
  'db.busyStop': '{busy}; wait for it to finish, pass --wait SECONDS, or use another --db',
  'db.busyWaiting': '{busy}; waiting',
} as const;

export const dbCopy = {
  en,
  zh: {
    'db.notAFile': '数据仓库 {db} 是文件夹或设备，不是文件；请给 --db 一个文件路径',
    'db.folderBlocked': '无法创建数据仓库 {db} 所在的文件夹：有一个文件挡在路径上',
    'db.folderFailed': '无法创建数据仓库 {db} 所在的文件夹：{reason}',
    'db.cannotOpen': '无法打开数据仓库 {db}：{reason}',
    'db.busy': '数据仓库 {db} 正被另一个 hearken 运行占用',
    'db.busyProcess': '数据仓库 {db} 正被另一个 hearken 运行占用（进程 {pid}）',
    'db.busyStop': '{busy}；请等它结束，或加上 --wait 秒数，或换一个 --db',
    'db.busyWaiting': '{busy}；正在等待',
  },
  vi: {
    'db.notAFile': 'kho dữ liệu {db} là một thư mục hoặc thiết bị, không phải tệp; hãy đưa cho --db đường dẫn của một tệp',
    'db.folderBlocked': 'không tạo được thư mục của kho dữ liệu {db}: có một tệp chắn đường',
    'db.folderFailed': 'không tạo được thư mục của kho dữ liệu {db}: {reason}',
    'db.cannotOpen': 'không mở được kho dữ liệu {db}: {reason}',
    'db.busy': 'kho dữ liệu {db} đang được một lần chạy hearken khác dùng',
    'db.busyProcess': 'kho dữ liệu {db} đang được một lần chạy hearken khác dùng (tiến trình {pid})',
    'db.busyStop': '{busy}; hãy đợi nó xong, thêm --wait SỐ_GIÂY, hoặc dùng --db khác',
    'db.busyWaiting': '{busy}; đang đợi',
  },
} as const satisfies Copy<keyof typeof en>;
