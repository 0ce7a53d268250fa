/**
 * The eleven complaint classes of the bench corpus (corpus.ts generates texts from them): phrase pools,
 * and train and test templates per class. Data only.
 */

export interface ClassSpec {
  label: string;
  slots: Record<string, string[]>;
  train: string[];
  test: string[];
}

const ESTATES = [
  '阳光花园',
  '翠湖小区',
  '幸福里',
  '金桥新村',
  '建设路社区',
  '东风家园',
  '和平里',
  '锦绣华庭',
  '滨江苑',
  '光明小区',
  '梧桐苑',
  '铁路新村',
];
const ROADS = ['人民路', '解放大道', '中山北路', '建设路', '长江路', '文化街', '胜利路', '新华路'];
export const SHARED: Record<string, string[]> = {
  open: [
    '',
    '',
    '来电人反映：',
    '市民来电称，',
    '您好，',
    '你好我想反映个事，',
    '居民来电：',
    '我是{estate}的住户，',
    '网格员巡查发现，',
    '反映人称',
    '喂，是这样的，',
  ],
  estate: ESTATES,
  road: ROADS,
  place: [
    '{estate}{n}栋{n}单元',
    '{estate}{n}号楼',
    '{road}{n}号',
    '{road}和{road2}交叉口',
    '{estate}北门',
    '{estate}东侧',
    '{road}{estate}对面',
    '{estate}{n}幢楼下',
  ],
  road2: ROADS,
  n: ['1', '2', '3', '5', '6', '8', '9', '11', '12', '15', '17', '23'],
  time: [
    '每天晚上',
    '最近一周',
    '这几天',
    '今天早上七点多',
    '昨天半夜',
    '周末',
    '每天中午',
    '连续半个月',
    '从上个月开始',
    '晚上十一点以后',
    '凌晨两三点',
  ],
  close: [
    '',
    '',
    '希望有关部门尽快处理。',
    '请相关部门核实处理。',
    '打了好几次电话都没人管！',
    '严重影响生活，请尽快解决',
    '麻烦派人来看看',
    '诉求：尽快处理并回复。',
    '已经反映过多次了，一直没解决。',
    '太影响休息了，希望管管',
    '盼复。',
  ],
  mood: ['', '', '真的受不了了', '大家意见很大', '老人小孩都受影响', '实在没办法了', '很多邻居都有意见'],
};

export const CLASSES: ClassSpec[] = [
  {
    label: '噪音扰民',
    slots: {
      src: ['广场舞', '楼上邻居', 'KTV', '烧烤摊', '商铺门口的喇叭', '酒吧', '隔壁棋牌室', '健身的音响'],
      act: ['音响开得特别大', '吵得睡不着觉', '大喇叭循环播放', '一直放音乐', '噪音很大', '吵吵闹闹'],
    },
    train: [
      '{open}{place}{src}{time}{act}，{mood}{close}',
      '{open}{time}{place}附近{src}声音太大，{act}，{close}',
      '{place}的{src}{act}，{time}都这样，{close}',
      '{open}投诉{src}扰民，地址{place}，{act}',
      '{src}{act}，位置在{place}，{mood}',
    ],
    test: [
      '{open}反映{place}有{src}，{time}{act}，严重影响休息，{close}',
      '{time}{src}制造噪声，{place}一带居民{mood}，{close}',
      '{open}{place}楼下{src}太吵了，{act}',
    ],
  },
  {
    label: '施工扰民',
    slots: {
      site: ['工地', '地铁工地', '楼盘工地', '道路施工', '管道改造工程', '隔壁装修', '楼上装修'],
      act: ['夜间施工', '打桩声音很大', '电钻切割声音刺耳', '渣土车轰隆隆', '机器一直响', '敲敲打打'],
    },
    train: [
      '{open}{place}{site}{time}{act}，{mood}{close}',
      '{open}{place}旁边的{site}{act}，{close}',
      '{site}{time}还在{act}，地点{place}，{close}',
      '{open}投诉{site}扰民，{place}，{act}，有没有夜间施工许可证？',
      '{place}{site}{act}，{mood}',
    ],
    test: [
      '{open}{time}{place}附近{site}违规{act}，影响居民休息，{close}',
      '{site}不按规定时间作业，{act}，{place}，{close}',
      '{open}{place}的{site}{act}吵死了，{mood}',
    ],
  },
  {
    label: '占道经营',
    slots: {
      who: ['小商贩', '水果摊', '早餐摊', '流动摊贩', '烧烤店', '菜贩', '夜市摊位', '卖衣服的'],
      act: ['摆摊占用人行道', '把摊位摆到马路上', '占道经营', '桌椅摆到路边', '堵住盲道', '在路口摆摊叫卖'],
    },
    train: [
      '{open}{place}{who}{time}{act}，{mood}{close}',
      '{open}{place}门口{who}{act}，行人都没法走，{close}',
      '{who}{act}，位置{place}，{close}',
      '{open}{road}上{who}{act}，城管来了就跑',
      '{place}{who}{act}，{mood}',
    ],
    test: [
      '{open}{time}{place}路边{who}出店经营，{act}，{close}',
      '{who}长期{act}，{place}交通堵塞，{close}',
      '{open}反映{place}有{who}{act}，没人管',
    ],
  },
  {
    label: '乱堆乱放',
    slots: {
      what: ['建筑垃圾', '旧家具', '杂物', '纸箱废品', '砖头沙子', '废旧自行车', '装修材料', '电动车和杂物'],
      act: ['堆在楼道里', '乱堆乱放', '堆满了消防通道', '占着人行道', '堆了好几个月', '随意堆放'],
    },
    train: [
      '{open}{place}{what}{act}，{mood}{close}',
      '{open}{place}楼道{what}{act}，有消防隐患，{close}',
      '{what}{act}，地点{place}，{close}',
      '{open}{place}有人把{what}{act}，一直不清理',
      '{place}{what}{act}，{mood}',
    ],
    test: [
      '{open}{time}{place}路边被{what}{act}，影响通行，{close}',
      '有住户把{what}{act}，{place}，希望清理，{close}',
      '{open}反映{place}{what}{act}没人收拾',
    ],
  },
  {
    label: '物业服务',
    slots: {
      what: ['物业', '物业公司', '物业管家', '保安', '物业经理'],
      act: [
        '不作为',
        '服务态度差',
        '乱收费',
        '电梯坏了不修',
        '门禁坏了一直不管',
        '公共区域没人打扫',
        '收了物业费不干活',
      ],
    },
    train: [
      '{open}{place}{what}{act}，{mood}{close}',
      '{open}{estate}{what}{act}，找了好几次都推脱，{close}',
      '{what}{act}，{place}，业主很不满，{close}',
      '{open}投诉{estate}{what}{act}',
      '{place}{what}{act}，{mood}',
    ],
    test: [
      '{open}{time}{estate}的{what}一直{act}，{close}',
      '反映小区{what}{act}，要求更换物业，{place}，{close}',
      '{open}{place}{what}{act}，打电话也不接',
    ],
  },
  {
    label: '房屋漏水',
    slots: {
      where: ['楼顶', '楼上卫生间', '外墙', '天花板', '厨房管道', '阳台', '屋面防水'],
      act: ['漏水', '渗水', '一下雨就滴水', '墙皮发霉脱落', '往下渗水泡坏了家具', '水顺着墙往下流'],
    },
    train: [
      '{open}{place}{where}{act}，{mood}{close}',
      '{open}{place}家里{where}{act}，找物业说是维修基金的事，{close}',
      '{where}{act}，{time}越来越严重，{place}，{close}',
      '{open}{place}顶楼{where}{act}，要求维修',
      '{place}{where}{act}，{mood}',
    ],
    test: [
      '{open}{time}{place}住户{where}{act}，楼上不配合，{close}',
      '房子{where}{act}，{place}，申请动用维修资金，{close}',
      '{open}反映{place}{where}{act}屋里都是水',
    ],
  },
  {
    label: '违章搭建',
    slots: {
      what: ['彩钢棚', '阳光房', '铁皮房', '围墙', '屋顶加层', '一楼院子加盖', '简易房'],
      act: ['私自搭建', '违章搭建', '乱搭乱建', '偷偷盖起来', '占用公共绿地搭建', '违规扩建'],
    },
    train: [
      '{open}{place}有人{act}{what}，{mood}{close}',
      '{open}{place}一楼住户{act}{what}，挡住采光，{close}',
      '{what}是{act}的，位置{place}，{close}',
      '{open}举报{place}{act}{what}',
      '{place}{act}{what}，{mood}',
    ],
    test: [
      '{open}{time}{place}顶楼{act}{what}，存在安全隐患，{close}',
      '{place}楼下{what}属于{act}，要求拆除，{close}',
      '{open}反映{place}{act}{what}没人查',
    ],
  },
  {
    label: '环境卫生',
    slots: {
      what: ['路面', '绿化带', '公厕', '河道', '背街小巷', '楼道'],
      act: ['脏乱差', '很久没人打扫', '污水横流', '臭气熏天', '到处是烟头纸屑', '狗屎遍地', '苍蝇蚊子很多'],
    },
    train: [
      '{open}{place}{what}{act}，{mood}{close}',
      '{open}{place}附近{what}{act}，环卫工不来扫，{close}',
      '{what}{act}，{place}，{close}',
      '{open}{road}{what}{act}',
      '{place}{what}{act}，{mood}',
    ],
    test: [
      '{open}{time}{place}的{what}{act}，影响市容，{close}',
      '{what}卫生状况很差，{act}，{place}，{close}',
      '{open}反映{place}{what}{act}，希望保洁',
    ],
  },
  {
    label: '垃圾清运',
    slots: {
      what: ['垃圾桶', '垃圾站', '垃圾房', '分类垃圾箱', '厨余垃圾桶'],
      act: ['满了没人清运', '几天没人来收', '垃圾溢出来了', '清运不及时', '垃圾车不来拉', '堆成小山发臭'],
    },
    train: [
      '{open}{place}{what}{act}，{mood}{close}',
      '{open}{place}的{what}{act}，夏天味道太大，{close}',
      '{what}{act}，{time}都这样，{place}，{close}',
      '{open}{estate}{what}{act}',
      '{place}{what}{act}，{mood}',
    ],
    test: [
      '{open}{time}{place}{what}{act}，希望增加清运次数，{close}',
      '垃圾收运不及时，{place}{what}{act}，{close}',
      '{open}反映{place}{what}{act}招老鼠',
    ],
  },
  {
    label: '停车管理',
    slots: {
      what: ['私家车', '电动车', '外来车辆', '货车', '共享单车', '面包车'],
      act: ['乱停乱放', '堵住小区大门', '停在消防通道上', '占用车位', '停在人行道上', '把路口堵死了'],
    },
    train: [
      '{open}{place}{what}{act}，{mood}{close}',
      '{open}{place}门口{what}{time}{act}，出行不便，{close}',
      '{what}{act}，地点{place}，{close}',
      '{open}{road}{what}{act}，交警也不来贴条',
      '{place}{what}{act}，{mood}',
    ],
    test: [
      '{open}{time}{place}有{what}{act}，救护车都进不来，{close}',
      '小区停车位不够，{what}{act}，{place}，{close}',
      '{open}反映{place}{what}{act}没人管',
    ],
  },
  {
    label: '排水',
    slots: {
      what: ['下水道', '雨水井', '污水管', '化粪池', '排水沟', '窨井'],
      act: ['堵塞', '污水冒出来', '反水', '一下雨就积水', '返臭味', '满溢出来淹了路面'],
    },
    train: [
      '{open}{place}{what}{act}，{mood}{close}',
      '{open}{place}楼下{what}{act}，臭得不行，{close}',
      '{what}{act}，{time}更严重，{place}，{close}',
      '{open}{road}{what}{act}',
      '{place}{what}{act}，{mood}',
    ],
    test: [
      '{open}{time}{place}{what}{act}，需要疏通，{close}',
      '{place}排水不畅，{what}{act}，{close}',
      '{open}反映{place}{what}{act}路都没法走',
    ],
  },
];
