/**
 * A first guess at a complaint's category from its words, for complaints that arrive by email without one. Staff
 * correct it in triage; the guess only saves them a click for the obvious cases. First match wins, in the order
 * below (staff behaviour before the general "service").
 */
import type { ComplaintCategory } from "@kexin/contracts";

const KEYWORDS: [ComplaintCategory, RegExp][] = [
  ["rude_staff", /态度|不耐烦|骂|凶|無禮|態度|rude|impolite|shout|yell|attitude/i],
  ["untrained_staff", /不专业|不懂|不會|不会|培训|新手|不專業|untrained|didn't know|did not know|incompetent|clueless/i],
  ["delivery", /配送|送货|快递|物流|迟到|延误|送貨|物流|delivery|deliver|shipping|courier|late|delayed/i],
  ["product_quality", /质量|坏了|破损|瑕疵|故障|品質|壞|quality|broken|defect|faulty|damaged|stopped working/i],
  ["price", /价格|太贵|多收|收费|價格|太貴|price|expensive|overcharg|charged twice|refund/i],
  ["poor_choice", /选择|款式|缺货|没货|選擇|缺貨|choice|selection|out of stock|no stock/i],
  ["poor_service", /服务|排队|等了|没人|服務|排隊|service|waited|queue|nobody helped|ignored/i],
  ["changed_needs", /不需要|用不上|搬家|不再|no longer need|moved away|don't need/i],
];

export function guessComplaintCategory(text: string): ComplaintCategory {
  return KEYWORDS.find(([, pattern]) => pattern.test(text))?.[0] ?? "other";
}
