/**
 * A three-level satisfaction index for a hotel: overall satisfaction over five weighted dimensions — front desk,
 * room, food and drink, facilities, staff — over 21 weighted indicators, one 5-point question each. Services not
 * every guest uses (restaurant, gym, parking) may be skipped. Eight indicators also get an importance rating.
 */
import type { SurveyTemplate } from "./index.ts";
import { type DimensionEntry, importanceQuestionOf, indicatorSystemOf, ratingQuestionsOf } from "./indicator-questions.ts";
import { TEMPLATE_LANGUAGES, text } from "./localized-text.ts";

const [frontDesk, room, dining, facilities, staff]: DimensionEntry[] = [
  {
    key: "front_desk",
    name: ["前台", "Front desk", "櫃檯"],
    weight: 0.2,
    indicators: [
      { key: "fd_reservation", weight: 0.2, name: ["预订准确", "Booking accuracy", "訂房正確"], question: ["房型和房价与预订时确认的一致", "Your room type and rate matched your booking", "房型與房價和訂房時確認的一致"] },
      { key: "fd_checkin", weight: 0.35, name: ["入住办理", "Check-in", "入住手續"], question: ["入住手续办理得快捷、顺畅", "A quick, smooth check-in", "入住手續辦理得快速、順暢"] },
      { key: "fd_checkout", weight: 0.25, name: ["退房结账", "Check-out", "退房結帳"], question: ["退房结账快捷,账单准确无误", "A quick check-out with a correct bill", "退房結帳快速,帳單正確無誤"] },
      { key: "fd_information", weight: 0.2, name: ["问询服务", "Local advice", "詢問服務"], question: ["前台能解答周边交通、餐饮、景点等问题", "Helpful answers about transport, food and sights nearby", "櫃檯能解答周邊交通、餐飲、景點等問題"] },
    ],
  },
  {
    key: "room",
    name: ["客房", "Room", "客房"],
    weight: 0.3,
    indicators: [
      { key: "room_cleanliness", weight: 0.3, name: ["清洁卫生", "Cleanliness", "清潔衛生"], question: ["客房是否干净卫生", "How clean your room was", "客房是否乾淨衛生"] },
      { key: "room_bed", weight: 0.2, name: ["床品与睡眠", "Bed and sleep", "寢具與睡眠"], question: ["床和床品是否舒适,睡得好不好", "A comfortable bed and a good night's sleep", "床鋪與寢具是否舒適,睡得好不好"] },
      { key: "room_quiet", weight: 0.15, name: ["安静隔音", "Quiet", "安靜隔音"], question: ["房间是否安静,隔音效果如何", "How quiet the room was", "房間是否安靜,隔音效果如何"] },
      { key: "room_bathroom", weight: 0.2, name: ["卫浴", "Bathroom", "衛浴"], question: ["卫浴设施(热水、水压、排水)是否好用", "The bathroom: hot water, pressure, drainage", "衛浴設備(熱水、水壓、排水)是否好用"] },
      { key: "room_amenities", weight: 0.15, name: ["房内设备与用品", "In-room amenities", "房內設備與備品"], question: ["空调、电视、洗漱用品等房内设备和用品", "Air conditioning, TV, toiletries and other things in the room", "空調、電視、盥洗用品等房內設備與備品"] },
    ],
  },
  {
    key: "dining",
    name: ["餐饮", "Food and drink", "餐飲"],
    weight: 0.15,
    indicators: [
      { key: "dining_breakfast", weight: 0.4, name: ["早餐", "Breakfast", "早餐"], question: ["早餐的品种和口味", "The choice and taste of breakfast", "早餐的種類與口味"], isOptional: true },
      { key: "dining_hygiene", weight: 0.25, name: ["餐厅卫生", "Restaurant hygiene", "餐廳衛生"], question: ["餐厅和餐具是否干净卫生", "How clean the restaurant and tableware were", "餐廳與餐具是否乾淨衛生"], isOptional: true },
      { key: "dining_service", weight: 0.2, name: ["餐厅服务", "Restaurant service", "餐廳服務"], question: ["餐厅服务是否周到及时", "Attentive, timely service in the restaurant", "餐廳服務是否周到及時"], isOptional: true },
      { key: "dining_value", weight: 0.15, name: ["餐饮价格", "Food prices", "餐飲價格"], question: ["餐饮价格是否合理", "Whether food and drink were fairly priced", "餐飲價格是否合理"], isOptional: true },
    ],
  },
  {
    key: "facilities",
    name: ["设施", "Facilities", "設施"],
    weight: 0.15,
    indicators: [
      { key: "fac_wifi", weight: 0.35, name: ["无线网络", "Wi-Fi", "無線網路"], question: ["Wi-Fi 是否稳定、速度够快", "Reliable, fast Wi-Fi", "Wi-Fi 是否穩定、速度夠快"] },
      { key: "fac_public_areas", weight: 0.25, name: ["公共区域", "Public areas", "公共區域"], question: ["大堂、电梯、走廊等公共区域是否整洁舒适", "Clean, comfortable lobby, lifts and corridors", "大廳、電梯、走廊等公共區域是否整潔舒適"] },
      { key: "fac_leisure", weight: 0.2, name: ["休闲健身", "Gym and leisure", "休閒健身"], question: ["健身房、泳池等休闲设施", "The gym, pool and other leisure facilities", "健身房、泳池等休閒設施"], isOptional: true },
      { key: "fac_parking", weight: 0.2, name: ["停车", "Parking", "停車"], question: ["停车是否方便", "How easy it was to park", "停車是否方便"], isOptional: true },
    ],
  },
  {
    key: "staff",
    name: ["服务人员", "Staff", "服務人員"],
    weight: 0.2,
    indicators: [
      { key: "staff_courtesy", weight: 0.3, name: ["礼貌热情", "Courtesy", "親切有禮"], question: ["服务人员是否礼貌、热情", "How courteous and welcoming the staff were", "服務人員是否有禮貌、親切"] },
      { key: "staff_responsiveness", weight: 0.3, name: ["响应及时", "Responsiveness", "回應及時"], question: ["提出需求(补充用品、送物、维修)后响应是否及时", "How quickly requests were handled (extra items, deliveries, repairs)", "提出需求(補充備品、送物、維修)後回應是否及時"] },
      { key: "staff_problem_solving", weight: 0.25, name: ["问题处理", "Putting things right", "問題處理"], question: ["遇到问题时,服务人员能否妥善解决", "Whether problems were put right", "遇到問題時,服務人員能否妥善解決"] },
      { key: "staff_personal", weight: 0.15, name: ["贴心服务", "Personal touch", "貼心服務"], question: ["记得您的偏好,提供贴心的个性化服务", "Remembering your preferences and little personal touches", "記得您的偏好,提供貼心的個人化服務"] },
    ],
  },
];

const dimensions = [frontDesk, room, dining, facilities, staff];

export const hotelIndex: SurveyTemplate = {
  key: "hotel-index",
  title: text("酒店宾客满意度指数", "Hotel guest satisfaction index", "飯店旅客滿意度指數"),
  description: text(
    "三级测评指标体系:一级为总体满意度,二级为前台、客房、餐饮、设施和服务人员五个维度,三级为 21 个具体指标,均带权重;每个指标一道 5 级满意度题,另有 8 个关键指标的重要性评分,适合离店后发送或在大堂扫码填写。",
    "A three-level index: overall satisfaction, five weighted dimensions (front desk, room, food and drink, facilities, staff) and 21 weighted indicators, one 5-point question each, plus importance ratings for eight key indicators. Send it after check-out or put its QR code in the lobby.",
    "三級評量指標體系:一級為整體滿意度,二級為櫃檯、客房、餐飲、設施與服務人員五個構面,三級為 21 個具體指標,皆附權重;每個指標一道 5 點滿意度題,另有 8 個關鍵指標的重要性評分,適合退房後寄送或在大廳掃碼填寫。",
  ),
  measures: ["indicators", "csat"],
  definition: {
    title: text("住宿体验调查", "How was your stay?", "住宿體驗調查"),
    intro: text(
      "感谢您选择入住我们的酒店!请为这次住宿的各个方面打分(1 = 很不满意,5 = 很满意),约需 5 分钟。",
      "Thank you for staying with us! Please rate each part of your stay (1 = very dissatisfied, 5 = very satisfied). It takes about 5 minutes.",
      "感謝您選擇入住本飯店!請為這次住宿的各個面向評分(1 = 很不滿意,5 = 很滿意),約需 5 分鐘。",
    ),
    thanks: text(
      "谢谢您的评价,期待再次为您服务!",
      "Thank you — we look forward to welcoming you back!",
      "謝謝您的評價,期待再次為您服務!",
    ),
    languages: TEMPLATE_LANGUAGES,
    indicatorSystem: indicatorSystemOf(dimensions),
    pages: [
      {
        key: "arrival_room",
        title: text("入住与客房", "Arrival and your room", "入住與客房"),
        questions: [...ratingQuestionsOf(frontDesk), ...ratingQuestionsOf(room)],
      },
      {
        key: "dining_facilities",
        title: text("餐饮与设施", "Food, drink and facilities", "餐飲與設施"),
        questions: [...ratingQuestionsOf(dining), ...ratingQuestionsOf(facilities)],
      },
      {
        key: "staff_overall",
        title: text("服务人员与总体评价", "Our staff, and overall", "服務人員與整體評價"),
        questions: [
          ...ratingQuestionsOf(staff),
          {
            key: "overall_csat",
            type: "csat",
            title: text("总的来说,您对这次住宿满意吗?", "Overall, how satisfied are you with your stay?", "整體而言,您對這次住宿滿意嗎?"),
          },
          {
            key: "stay_again",
            type: "likert",
            points: 5,
            labels: "likelihood",
            title: text("下次再来这座城市,您会再选择我们吗?", "Next time you are in town, how likely are you to stay with us again?", "下次再來這座城市,您會再選擇我們嗎?"),
          },
        ],
      },
      {
        key: "importance",
        title: text("以下各方面对您有多重要?", "How important is each of these to you?", "以下各方面對您有多重要?"),
        questions: [
          "fd_checkin",
          "room_cleanliness",
          "room_bed",
          "room_quiet",
          "dining_breakfast",
          "fac_wifi",
          "staff_courtesy",
          "staff_responsiveness",
        ].map((indicator) => importanceQuestionOf(dimensions, indicator)),
      },
      {
        key: "about_stay",
        title: text("关于这次住宿", "About your stay", "關於這次住宿"),
        questions: [
          {
            key: "trip_purpose",
            type: "single_choice",
            title: text("这次入住的主要目的是?", "What brought you here this time?", "這次入住的主要目的是?"),
            options: [
              { key: "business", label: text("商务出差", "Business", "商務出差") },
              { key: "leisure", label: text("旅游度假", "Holiday", "旅遊度假") },
              { key: "family", label: text("探亲访友", "Visiting family or friends", "探親訪友") },
              { key: "event", label: text("会议或活动", "A conference or event", "會議或活動") },
              { key: "other", label: text("其他", "Something else", "其他") },
            ],
          },
          {
            key: "highlight",
            type: "text",
            required: false,
            maxLength: 1000,
            title: text("住宿期间,有没有让您印象深刻的人或事?", "Did anyone or anything stand out during your stay?", "住宿期間,有沒有讓您印象深刻的人或事?"),
          },
          {
            key: "improvement",
            type: "text",
            required: false,
            maxLength: 1000,
            title: text("我们最应该改进什么?", "What should we improve most?", "我們最應該改善什麼?"),
          },
        ],
      },
    ],
    closedLoop: [
      { when: { kind: "answer", question: "overall_csat", operator: "lte", value: 2 }, assignTo: "store", dueInHours: 24 },
    ],
  },
};
