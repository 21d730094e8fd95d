/** 렌더러 한국어 메시지. Keys match en.ts exactly; formal polite register (합니다/하세요). */
import type { MessageKey } from './en';

export const ko: Record<MessageKey, string> = {
  'error.needs_sign_in': '로그아웃되었습니다. 메일을 보려면 로그인하세요.',
  'error.needs_reauth': 'Google에 다시 로그인해야 합니다. 캐시된 메일은 그대로 있습니다.',
  'error.offline': '오프라인 상태입니다. 이 컴퓨터에 있는 메일을 표시합니다.',
  'error.rate_limited': 'Gmail이 속도를 줄여 달라고 요청했습니다. 1~2분 안에 자동으로 다시 진행합니다.',
  'error.api_disabled':
    'Google Cloud 프로젝트에서 Gmail API가 사용 설정되어 있지 않습니다. Google Cloud 콘솔(API 및 서비스 > 라이브러리 > Gmail API)에서 사용 설정하고 몇 분 후에 다시 시도하세요.',
  'error.quota_exhausted': 'Google Cloud 프로젝트의 오늘 Gmail 할당량을 모두 사용했습니다. 캐시된 메일은 계속 볼 수 있으며, 동기화는 내일 다시 진행합니다.',
  'error.invalid_query': '검색어를 읽을 수 없습니다.',
  'error.not_found': 'Gmail에 더 이상 없는 항목입니다.',
  'error.cancelled': '취소되었습니다.',
  'error.invalid_request': 'Skimmer가 예상하지 못한 요청을 거부했습니다.',
  'error.internal': 'Skimmer 내부에서 문제가 발생했습니다.',
  'signInError.cancelled': '로그인이 취소되었습니다. 언제든지 다시 시도할 수 있습니다.',
  'signInError.offline': 'Google에 연결할 수 없습니다. 인터넷 연결을 확인하고 다시 시도하세요.',
  'signInError.rate_limited': '지금은 Google이 바쁩니다. 잠시 후 다시 시도하세요.',
  'signInError.denied': 'Google에서 접근을 허용하지 않았습니다. 다시 시도하고 허용을 선택하세요.',
  'signInError.badClient': 'OAuth 클라이언트 파일을 사용할 수 없습니다.',

  'eta.seconds': '{seconds}초 남음',
  'eta.minutes': '약 {minutes}분 남음',
  'eta.hours': '약 {hours}시간 {minutes}분 남음',

  'settings.language': '언어',
  'settings.language.system': '시스템 설정과 같게 ({language})',
  'settings.language.en': 'English (영어)',
  'settings.language.ko': '한국어',
};
