// Fixed lists shared by forms, procedures and statistics. Labels live in the i18n messages
// under `taxonomy.*`; these are the stored codes.

export const SECTORS = [
  "FOOD_DELIVERY",
  "COURIER",
  "RIDE_HAILING",
  "LIVE_STREAMING",
  "ECOMMERCE",
  "CUSTOMER_SERVICE",
  "DOMESTIC_SERVICE",
  "OTHER",
] as const;
export type SectorCode = (typeof SECTORS)[number];

/** Demand categories: the product's fixed taxonomy (shared/DOMAIN.md). */
export const DEMAND_CATEGORIES = [
  "working_time",
  "pay_and_deductions",
  "algorithm_and_deactivation",
  "contracts",
  "social_insurance",
  "work_injury",
  "safety_and_equipment",
  "health",
  "welfare_and_leave",
  "training",
  "representation",
  "other",
] as const;
export type DemandCategory = (typeof DEMAND_CATEGORIES)[number];

/** Cities are coarse on purpose: a large city hides a worker better than a district would. */
export const CITIES = [
  "beijing",
  "shanghai",
  "guangzhou",
  "shenzhen",
  "chengdu",
  "chongqing",
  "hangzhou",
  "wuhan",
  "xian",
  "nanjing",
  "tianjin",
  "suzhou",
  "zhengzhou",
  "changsha",
  "dongguan",
  "shenyang",
  "qingdao",
  "kunming",
  "other",
] as const;
export type CityCode = (typeof CITIES)[number];
