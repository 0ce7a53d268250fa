import { courseBody, type CourseBody } from '../../../contracts/school.ts';
import type { Tx } from '../../platform/db/tx.ts';
import { insertCourse } from './commands/save-course.ts';

const COURSES: Omit<CourseBody, 'nodeId'>[] = [
  {
    title: '学习贯彻党的二十大精神',
    summary: '桐汭红手机党校专题课：原文导读、专家视频解读与随堂测验，学完参加结业考试，合格计入党员积分。',
    audiences: ['member', 'cadre'],
    passMark: 60,
    maxAttempts: 3,
    published: true,
    lessons: [
      {
        title: '原文导读：中国式现代化',
        kind: 'document',
        minutes: 15,
        body:
          '中国式现代化，是中国共产党领导的社会主义现代化，既有各国现代化的共同特征，更有基于自己国情的中国特色。\n\n' +
          '它是人口规模巨大的现代化，是全体人民共同富裕的现代化，是物质文明和精神文明相协调的现代化，' +
          '是人与自然和谐共生的现代化，是走和平发展道路的现代化。\n\n' +
          '社区党员要把学习成果转化为服务群众的实际行动：认领微心愿、参加志愿服务、协助网格员发现和上报问题。',
      },
      {
        title: '随堂测验',
        kind: 'quiz',
        minutes: 5,
        questions: [
          {
            kind: 'single',
            prompt: '中国式现代化是（    ）领导的社会主义现代化。',
            options: ['中国共产党', '人民政府', '人民代表大会', '政治协商会议'],
            answer: [0],
          },
          {
            kind: 'multiple',
            prompt: '下列属于中国式现代化特征的是（    ）。',
            options: ['人口规模巨大', '全体人民共同富裕', '人与自然和谐共生', '对外扩张'],
            answer: [0, 1, 2],
          },
        ],
      },
    ],
    exam: [
      {
        kind: 'single',
        prompt: '党员在社区参加志愿服务，最能体现的是（    ）。',
        options: ['先锋模范作用', '个人兴趣', '完成任务', '其他'],
        answer: [0],
      },
      {
        kind: 'multiple',
        prompt: '“双报到”党员可以在社区做哪些事？',
        options: ['认领微心愿', '参加志愿服务', '上报问题隐患', '代替网格员签字'],
        answer: [0, 1, 2],
      },
      {
        kind: 'single',
        prompt: '中国式现代化是全体人民（    ）的现代化。',
        options: ['共同富裕', '部分富裕', '先富', '平均分配'],
        answer: [0],
      },
    ],
  },
  {
    title: '网格学院：网格员履职基本功',
    summary: '导师送学模块：网格巡查、事件上报、入户走访与矛盾调解的基本方法。',
    audiences: ['grid', 'cadre'],
    passMark: 80,
    maxAttempts: 2,
    published: true,
    lessons: [
      {
        title: '网格巡查与事件上报',
        kind: 'document',
        minutes: 10,
        body:
          '网格员每日巡查责任网格，发现问题先拍照定位，能当场解决的当场解决，不能解决的通过平台上报，' +
          '社区受理后派单办理。上报时写清地点、现象和影响范围，照片要能看清问题。\n\n' +
          '入户走访要做到“六必访”：困难家庭必访、空巢独居老人必访、重病重残家庭必访、' +
          '矛盾纠纷家庭必访、刑满释放人员必访、新迁入住户必访。',
      },
      {
        title: '矛盾调解案例视频',
        kind: 'video',
        minutes: 12,
        videoUrl: 'https://www.12371.cn/special/dyxx/',
      },
      {
        title: '随堂测验',
        kind: 'quiz',
        minutes: 5,
        questions: [
          {
            kind: 'single',
            prompt: '网格员发现不能当场解决的问题，应当（    ）。',
            options: ['通过平台上报', '等居民投诉', '自行处罚', '不予理会'],
            answer: [0],
          },
        ],
      },
    ],
    exam: [],
  },
];

/**
 * The demo community's party school: a published course for members and cadres (with quiz and
 * exam) and a 网格学院 course for grid workers (no exam: completing it passes it).
 */
export async function seedDemoSchool(tx: Tx, community: { id: number; path: string }): Promise<number> {
  for (const spec of COURSES)
    await insertCourse(tx, community, courseBody.parse({ ...spec, nodeId: community.id }), null);
  return COURSES.length;
}
