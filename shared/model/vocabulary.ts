/**
 * The plan's fixed words as plain lists, apart from the schemas built on them (common.ts): a page that shows them
 * (the owner's categories) need not load the validator.
 */

export const SEVERITIES = ['general', 'important', 'urgent'] as const;

/** The plan's monitored areas (监控范围), used for checklist items, issues and analysis. */
export const CATEGORIES = [
  'hygiene', // 环境卫生
  'greening', // 绿化养护
  'facilities', // 公共设施设备
  'order', // 秩序维护
  'fire', // 消防安全
  'service', // 客户服务
  'emergency', // 突发事件应急
  'community', // 社区活动
] as const;

export const ROLES = ['admin', 'supervisor', 'inspector', 'department'] as const;

export const LOCALES = ['zh-CN', 'en'] as const;

/**
 * A video clip (the plan's 拍照或录像): at most 15 s, recorded or re-encoded small on the phone, and capped in bytes
 * whatever the device made of it. It travels in parts, so a large clip resumes where it stopped.
 */
export const VIDEO_LIMITS = { seconds: 15, bytes: 20 * 1024 * 1024, part: 512 * 1024 } as const;
