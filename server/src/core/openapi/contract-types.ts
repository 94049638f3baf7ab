/**
 * The types the OpenAPI document names, read by `contract-schemas.generate.ts`: each export
 * becomes a schema in `components.schemas` (with every type it references). The DTOs live in
 * `shared/`; only shapes `shared/` has no name for are declared here.
 */
import type { AdminReportDTO, AdminUserDTO, AuditLogEntryDTO } from '@coachhub/shared/admin';
import type { CoachDTO } from '@coachhub/shared/coach';
import type { SessionTypeDTO } from '@coachhub/shared/booking';
import type { OutboxMailDTO } from '@coachhub/shared/notification';
import type { Page } from '@coachhub/shared/pagination';

export type {
  AuthResponse,
  ChangePasswordRequest,
  LoginRequest,
  ModerationRequest,
  RefreshResponse,
  RegisterRequest,
  UpdateMeRequest,
} from '@coachhub/shared/auth';
export type { UserDTO, ProfilePictureResponse } from '@coachhub/shared/user';
export type {
  LoginResponse,
  RecoveryCodesResponse,
  TwoFactorCodeRequest,
  TwoFactorLoginRequest,
  TwoFactorSetupResponse,
  TwoFactorStatusDTO,
} from '@coachhub/shared/two-factor';
export type { RevokeOtherSessionsResponse, SessionDTO } from '@coachhub/shared/sessions';
export type {
  ApproveCoachRequest,
  BecomeCoachRequest,
  BecomeCoachResponse,
  CoachDirectoryPage,
  CoachDirectoryQuery,
  CoachDTO,
  CoachMatchRequest,
  CoachMatchResponse,
  CoachProfilePictureResponse,
  RejectCoachRequest,
  UpdateCoachRequest,
} from '@coachhub/shared/coach';
export type {
  BookingDTO,
  BookingListQuery,
  BookingPage,
  BookingTransitionRequest,
  CoachProfileDTO,
  CreateBookingRequest,
  CreateSessionTypeRequest,
  QuoteRequest,
  RescheduleBookingRequest,
  SessionTypeDTO,
  SlotsResponse,
  UpdateSessionTypeRequest,
} from '@coachhub/shared/booking';
export type {
  CheckoutBookingResponse,
  CheckoutReturnRequest,
  CoachPackageOffer,
  CreditBalance,
  PackagePurchaseDTO,
  PaymentTransactionDTO,
  PurchasePackageResponse,
  ReceiptDTO,
  WebhookAck,
} from '@coachhub/shared/payment';
export type {
  AvailabilityDTO,
  PublicAvailabilityDTO,
  UpdateAvailabilityRequest,
} from '@coachhub/shared/scheduling';
export type {
  CreateDiscountRequest,
  CreatePackageRequest,
  PatchPriceValuesRequest,
  PriceConfigurationDTO,
  Quote,
  ReplacePriceValuesRequest,
} from '@coachhub/shared/pricing';
export type {
  ConversationDTO,
  ConversationPage,
  CreateConversationRequest,
  CreateProposalRequest,
  EditMessageRequest,
  MessageDTO,
  MessageHistory,
  ProposalAcceptResponse,
  SendMessageRequest,
  UnreadCounts,
} from '@coachhub/shared/conversation';
export type {
  NotificationPage,
  NotificationPreferencesDTO,
  NotificationReadResponse,
} from '@coachhub/shared/notification';
export type { CoachOverviewDTO } from '@coachhub/shared/dashboard';
export type {
  CoachReviewsPage,
  CreateReviewRequest,
  MyReviewsPage,
  ReviewDTO,
  ReviewResponseRequest,
} from '@coachhub/shared/review';
export type {
  AdminBookingQuery,
  AdminReportDTO,
  AdminReportListQuery,
  AdminStatsDTO,
  AdminUserDTO,
  AdminUserListQuery,
  AuditLogQuery,
  ResolveReportRequest,
  ReviewModerationRequest,
  WarnUserRequest,
} from '@coachhub/shared/admin';
export type { CreateReportRequest, ReportDTO } from '@coachhub/shared/report';
export type { ReviewModerationPage, ReviewModerationQuery } from '@coachhub/shared/review';
export type { ApiErrorBody } from '@coachhub/shared/errors';

/** `GET /api/admin/audit-log`, newest first. */
export type AuditLogPage = Page<AuditLogEntryDTO>;
/** `GET /api/admin/users`. */
export type AdminUserPage = Page<AdminUserDTO>;
/** `GET /api/admin/reports`: the queue. */
export type AdminReportPage = Page<AdminReportDTO>;
/** `GET /api/admin/coaches/pending`: coaches waiting for review, oldest request first. */
export type PendingCoachPage = Page<CoachDTO>;
/** `GET /api/coaches/:userId/session-types`. */
export type SessionTypeList = SessionTypeDTO[];
/** `GET /api/dev/outbox`: the newest mails (at most 50). */
export type OutboxMailList = OutboxMailDTO[];

/** `GET /health`: the process is up. */
export interface HealthResponse {
  status: 'ok';
}

/** `GET /ready`: 200 when the database answers a ping, 503 otherwise or while shutting down. */
export interface ReadinessResponse {
  status: 'ready' | 'draining' | 'unavailable';
  database: 'up' | 'down';
}
