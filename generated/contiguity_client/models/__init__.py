"""Contains all the data models used in inputs/outputs.

Models load on first use (PEP 562 ``__getattr__``): importing one operation or one model does
not import the other 154. Type checkers see ordinary imports.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .attachment import Attachment
    from .available_numbers import AvailableNumbers
    from .available_numbers_response import AvailableNumbersResponse
    from .billing_method import BillingMethod
    from .billing_period import BillingPeriod
    from .channel import Channel
    from .chat_action import ChatAction
    from .chat_action_response import ChatActionResponse
    from .configure_number_request import ConfigureNumberRequest
    from .currency import Currency
    from .delivery import Delivery
    from .dns_record import DnsRecord
    from .dns_record_type import DnsRecordType
    from .domain_deletion import DomainDeletion
    from .domain_deletion_response import DomainDeletionResponse
    from .domain_details import DomainDetails
    from .domain_details_response import DomainDetailsResponse
    from .domain_list import DomainList
    from .domain_list_response import DomainListResponse
    from .domain_registration import DomainRegistration
    from .domain_registration_response import DomainRegistrationResponse
    from .domain_summary import DomainSummary
    from .domain_verifications import DomainVerifications
    from .email_body_parts import EmailBodyParts
    from .email_contact import EmailContact
    from .email_header_contact import EmailHeaderContact
    from .email_headers import EmailHeaders
    from .email_incoming_attachment import EmailIncomingAttachment
    from .email_incoming_body import EmailIncomingBody
    from .email_incoming_data import EmailIncomingData
    from .email_incoming_event import EmailIncomingEvent
    from .email_incoming_headers import EmailIncomingHeaders
    from .email_sent import EmailSent
    from .email_sent_response import EmailSentResponse
    from .email_status import EmailStatus
    from .entitlement import Entitlement
    from .entitlement_grant import EntitlementGrant
    from .entitlement_grant_response import EntitlementGrantResponse
    from .entitlement_list import EntitlementList
    from .entitlement_list_response import EntitlementListResponse
    from .entitlement_response import EntitlementResponse
    from .entitlement_revocation import EntitlementRevocation
    from .entitlement_revocation_response import EntitlementRevocationResponse
    from .entitlement_summary import EntitlementSummary
    from .entitlement_summary_status import EntitlementSummaryStatus
    from .error_details import ErrorDetails
    from .error_response import ErrorResponse
    from .failover import Failover
    from .failover_mode import FailoverMode
    from .failover_settings import FailoverSettings
    from .history_reaction import HistoryReaction
    from .imessage_availability import ImessageAvailability
    from .imessage_availability_response import ImessageAvailabilityResponse
    from .imessage_chat_summary import ImessageChatSummary
    from .imessage_fallback import ImessageFallback
    from .imessage_fallback_when_item import ImessageFallbackWhenItem
    from .imessage_history import ImessageHistory
    from .imessage_history_message import ImessageHistoryMessage
    from .imessage_history_response import ImessageHistoryResponse
    from .imessage_incoming_data import ImessageIncomingData
    from .imessage_incoming_event import ImessageIncomingEvent
    from .imessage_reaction_request import ImessageReactionRequest
    from .imessage_read_request import ImessageReadRequest
    from .initiate_reverse_otp_request import InitiateReverseOtpRequest
    from .lease import Lease
    from .lease_billing import LeaseBilling
    from .lease_number_request import LeaseNumberRequest
    from .lease_number_request_billing_method import LeaseNumberRequestBillingMethod
    from .lease_price import LeasePrice
    from .lease_response import LeaseResponse
    from .lease_status import LeaseStatus
    from .lease_termination import LeaseTermination
    from .lease_termination_response import LeaseTerminationResponse
    from .leased_number import LeasedNumber
    from .leased_numbers import LeasedNumbers
    from .leased_numbers_response import LeasedNumbersResponse
    from .legacy_error import LegacyError
    from .message_sent import MessageSent
    from .message_sent_response import MessageSentResponse
    from .new_lease_billing import NewLeaseBilling
    from .number_capabilities import NumberCapabilities
    from .number_configuration import NumberConfiguration
    from .number_configuration_response import NumberConfigurationResponse
    from .number_data import NumberData
    from .number_data_requirements_item import NumberDataRequirementsItem
    from .number_details import NumberDetails
    from .number_details_response import NumberDetailsResponse
    from .number_formats import NumberFormats
    from .number_health import NumberHealth
    from .number_location import NumberLocation
    from .number_pricing import NumberPricing
    from .numbers_substitution_data import NumbersSubstitutionData
    from .numbers_substitution_event import NumbersSubstitutionEvent
    from .otp_language import OtpLanguage
    from .otp_resent import OtpResent
    from .otp_resent_response import OtpResentResponse
    from .otp_sent import OtpSent
    from .otp_sent_response import OtpSentResponse
    from .otp_verification import OtpVerification
    from .otp_verification_response import OtpVerificationResponse
    from .phone_number_record import PhoneNumberRecord
    from .phone_number_record_carrier import PhoneNumberRecordCarrier
    from .phone_number_record_status import PhoneNumberRecordStatus
    from .quota import Quota
    from .reaction_action import ReactionAction
    from .register_domain_request import RegisterDomainRequest
    from .register_domain_request_region import RegisterDomainRequestRegion
    from .resend_otp_request import ResendOtpRequest
    from .reverse_otp_cancellation import ReverseOtpCancellation
    from .reverse_otp_cancellation_response import ReverseOtpCancellationResponse
    from .reverse_otp_service import ReverseOtpService
    from .reverse_otp_session import ReverseOtpSession
    from .reverse_otp_session_response import ReverseOtpSessionResponse
    from .reverse_otp_status import ReverseOtpStatus
    from .reverse_otp_status_response import ReverseOtpStatusResponse
    from .reverse_otp_status_status import ReverseOtpStatusStatus
    from .reverse_otp_ui import ReverseOtpUi
    from .reverse_otp_verified_data import ReverseOtpVerifiedData
    from .reverse_otp_verified_event import ReverseOtpVerifiedEvent
    from .send_email_request import SendEmailRequest
    from .send_imessage_request import SendImessageRequest
    from .send_otp_request import SendOtpRequest
    from .send_text_request import SendTextRequest
    from .send_whatsapp_request import SendWhatsappRequest
    from .spam_risk import SpamRisk
    from .stored_message import StoredMessage
    from .stored_message_response import StoredMessageResponse
    from .success_envelope import SuccessEnvelope
    from .tapback import Tapback
    from .text_chat_summary import TextChatSummary
    from .text_delivery_confirmed_data import TextDeliveryConfirmedData
    from .text_delivery_confirmed_event import TextDeliveryConfirmedEvent
    from .text_delivery_failed_data import TextDeliveryFailedData
    from .text_delivery_failed_event import TextDeliveryFailedEvent
    from .text_history import TextHistory
    from .text_history_message import TextHistoryMessage
    from .text_history_response import TextHistoryResponse
    from .text_incoming_mms_data import TextIncomingMmsData
    from .text_incoming_mms_event import TextIncomingMmsEvent
    from .text_incoming_sms_data import TextIncomingSmsData
    from .text_incoming_sms_event import TextIncomingSmsEvent
    from .text_reaction import TextReaction
    from .text_reaction_request import TextReactionRequest
    from .timeline_event import TimelineEvent
    from .typing_action import TypingAction
    from .typing_request import TypingRequest
    from .typing_status import TypingStatus
    from .typing_status_response import TypingStatusResponse
    from .verify_otp_request import VerifyOtpRequest
    from .webhook_event import WebhookEvent
    from .webhook_event_data import WebhookEventData
    from .webhook_event_metadata import WebhookEventMetadata
    from .whatsapp_fallback import WhatsappFallback
    from .whatsapp_fallback_when_item import WhatsappFallbackWhenItem
    from .whatsapp_reaction_request import WhatsappReactionRequest

__all__ = (
    "Attachment",
    "AvailableNumbers",
    "AvailableNumbersResponse",
    "BillingMethod",
    "BillingPeriod",
    "Channel",
    "ChatAction",
    "ChatActionResponse",
    "ConfigureNumberRequest",
    "Currency",
    "Delivery",
    "DnsRecord",
    "DnsRecordType",
    "DomainDeletion",
    "DomainDeletionResponse",
    "DomainDetails",
    "DomainDetailsResponse",
    "DomainList",
    "DomainListResponse",
    "DomainRegistration",
    "DomainRegistrationResponse",
    "DomainSummary",
    "DomainVerifications",
    "EmailBodyParts",
    "EmailContact",
    "EmailHeaderContact",
    "EmailHeaders",
    "EmailIncomingAttachment",
    "EmailIncomingBody",
    "EmailIncomingData",
    "EmailIncomingEvent",
    "EmailIncomingHeaders",
    "EmailSent",
    "EmailSentResponse",
    "EmailStatus",
    "Entitlement",
    "EntitlementGrant",
    "EntitlementGrantResponse",
    "EntitlementList",
    "EntitlementListResponse",
    "EntitlementResponse",
    "EntitlementRevocation",
    "EntitlementRevocationResponse",
    "EntitlementSummary",
    "EntitlementSummaryStatus",
    "ErrorDetails",
    "ErrorResponse",
    "Failover",
    "FailoverMode",
    "FailoverSettings",
    "HistoryReaction",
    "ImessageAvailability",
    "ImessageAvailabilityResponse",
    "ImessageChatSummary",
    "ImessageFallback",
    "ImessageFallbackWhenItem",
    "ImessageHistory",
    "ImessageHistoryMessage",
    "ImessageHistoryResponse",
    "ImessageIncomingData",
    "ImessageIncomingEvent",
    "ImessageReactionRequest",
    "ImessageReadRequest",
    "InitiateReverseOtpRequest",
    "Lease",
    "LeaseBilling",
    "LeaseNumberRequest",
    "LeaseNumberRequestBillingMethod",
    "LeasePrice",
    "LeaseResponse",
    "LeaseStatus",
    "LeaseTermination",
    "LeaseTerminationResponse",
    "LeasedNumber",
    "LeasedNumbers",
    "LeasedNumbersResponse",
    "LegacyError",
    "MessageSent",
    "MessageSentResponse",
    "NewLeaseBilling",
    "NumberCapabilities",
    "NumberConfiguration",
    "NumberConfigurationResponse",
    "NumberData",
    "NumberDataRequirementsItem",
    "NumberDetails",
    "NumberDetailsResponse",
    "NumberFormats",
    "NumberHealth",
    "NumberLocation",
    "NumberPricing",
    "NumbersSubstitutionData",
    "NumbersSubstitutionEvent",
    "OtpLanguage",
    "OtpResent",
    "OtpResentResponse",
    "OtpSent",
    "OtpSentResponse",
    "OtpVerification",
    "OtpVerificationResponse",
    "PhoneNumberRecord",
    "PhoneNumberRecordCarrier",
    "PhoneNumberRecordStatus",
    "Quota",
    "ReactionAction",
    "RegisterDomainRequest",
    "RegisterDomainRequestRegion",
    "ResendOtpRequest",
    "ReverseOtpCancellation",
    "ReverseOtpCancellationResponse",
    "ReverseOtpService",
    "ReverseOtpSession",
    "ReverseOtpSessionResponse",
    "ReverseOtpStatus",
    "ReverseOtpStatusResponse",
    "ReverseOtpStatusStatus",
    "ReverseOtpUi",
    "ReverseOtpVerifiedData",
    "ReverseOtpVerifiedEvent",
    "SendEmailRequest",
    "SendImessageRequest",
    "SendOtpRequest",
    "SendTextRequest",
    "SendWhatsappRequest",
    "SpamRisk",
    "StoredMessage",
    "StoredMessageResponse",
    "SuccessEnvelope",
    "Tapback",
    "TextChatSummary",
    "TextDeliveryConfirmedData",
    "TextDeliveryConfirmedEvent",
    "TextDeliveryFailedData",
    "TextDeliveryFailedEvent",
    "TextHistory",
    "TextHistoryMessage",
    "TextHistoryResponse",
    "TextIncomingMmsData",
    "TextIncomingMmsEvent",
    "TextIncomingSmsData",
    "TextIncomingSmsEvent",
    "TextReaction",
    "TextReactionRequest",
    "TimelineEvent",
    "TypingAction",
    "TypingRequest",
    "TypingStatus",
    "TypingStatusResponse",
    "VerifyOtpRequest",
    "WebhookEvent",
    "WebhookEventData",
    "WebhookEventMetadata",
    "WhatsappFallback",
    "WhatsappFallbackWhenItem",
    "WhatsappReactionRequest",
)

_MODULE_OF = {
    "Attachment": ".attachment",
    "AvailableNumbers": ".available_numbers",
    "AvailableNumbersResponse": ".available_numbers_response",
    "BillingMethod": ".billing_method",
    "BillingPeriod": ".billing_period",
    "Channel": ".channel",
    "ChatAction": ".chat_action",
    "ChatActionResponse": ".chat_action_response",
    "ConfigureNumberRequest": ".configure_number_request",
    "Currency": ".currency",
    "Delivery": ".delivery",
    "DnsRecord": ".dns_record",
    "DnsRecordType": ".dns_record_type",
    "DomainDeletion": ".domain_deletion",
    "DomainDeletionResponse": ".domain_deletion_response",
    "DomainDetails": ".domain_details",
    "DomainDetailsResponse": ".domain_details_response",
    "DomainList": ".domain_list",
    "DomainListResponse": ".domain_list_response",
    "DomainRegistration": ".domain_registration",
    "DomainRegistrationResponse": ".domain_registration_response",
    "DomainSummary": ".domain_summary",
    "DomainVerifications": ".domain_verifications",
    "EmailBodyParts": ".email_body_parts",
    "EmailContact": ".email_contact",
    "EmailHeaderContact": ".email_header_contact",
    "EmailHeaders": ".email_headers",
    "EmailIncomingAttachment": ".email_incoming_attachment",
    "EmailIncomingBody": ".email_incoming_body",
    "EmailIncomingData": ".email_incoming_data",
    "EmailIncomingEvent": ".email_incoming_event",
    "EmailIncomingHeaders": ".email_incoming_headers",
    "EmailSent": ".email_sent",
    "EmailSentResponse": ".email_sent_response",
    "EmailStatus": ".email_status",
    "Entitlement": ".entitlement",
    "EntitlementGrant": ".entitlement_grant",
    "EntitlementGrantResponse": ".entitlement_grant_response",
    "EntitlementList": ".entitlement_list",
    "EntitlementListResponse": ".entitlement_list_response",
    "EntitlementResponse": ".entitlement_response",
    "EntitlementRevocation": ".entitlement_revocation",
    "EntitlementRevocationResponse": ".entitlement_revocation_response",
    "EntitlementSummary": ".entitlement_summary",
    "EntitlementSummaryStatus": ".entitlement_summary_status",
    "ErrorDetails": ".error_details",
    "ErrorResponse": ".error_response",
    "Failover": ".failover",
    "FailoverMode": ".failover_mode",
    "FailoverSettings": ".failover_settings",
    "HistoryReaction": ".history_reaction",
    "ImessageAvailability": ".imessage_availability",
    "ImessageAvailabilityResponse": ".imessage_availability_response",
    "ImessageChatSummary": ".imessage_chat_summary",
    "ImessageFallback": ".imessage_fallback",
    "ImessageFallbackWhenItem": ".imessage_fallback_when_item",
    "ImessageHistory": ".imessage_history",
    "ImessageHistoryMessage": ".imessage_history_message",
    "ImessageHistoryResponse": ".imessage_history_response",
    "ImessageIncomingData": ".imessage_incoming_data",
    "ImessageIncomingEvent": ".imessage_incoming_event",
    "ImessageReactionRequest": ".imessage_reaction_request",
    "ImessageReadRequest": ".imessage_read_request",
    "InitiateReverseOtpRequest": ".initiate_reverse_otp_request",
    "Lease": ".lease",
    "LeaseBilling": ".lease_billing",
    "LeaseNumberRequest": ".lease_number_request",
    "LeaseNumberRequestBillingMethod": ".lease_number_request_billing_method",
    "LeasePrice": ".lease_price",
    "LeaseResponse": ".lease_response",
    "LeaseStatus": ".lease_status",
    "LeaseTermination": ".lease_termination",
    "LeaseTerminationResponse": ".lease_termination_response",
    "LeasedNumber": ".leased_number",
    "LeasedNumbers": ".leased_numbers",
    "LeasedNumbersResponse": ".leased_numbers_response",
    "LegacyError": ".legacy_error",
    "MessageSent": ".message_sent",
    "MessageSentResponse": ".message_sent_response",
    "NewLeaseBilling": ".new_lease_billing",
    "NumberCapabilities": ".number_capabilities",
    "NumberConfiguration": ".number_configuration",
    "NumberConfigurationResponse": ".number_configuration_response",
    "NumberData": ".number_data",
    "NumberDataRequirementsItem": ".number_data_requirements_item",
    "NumberDetails": ".number_details",
    "NumberDetailsResponse": ".number_details_response",
    "NumberFormats": ".number_formats",
    "NumberHealth": ".number_health",
    "NumberLocation": ".number_location",
    "NumberPricing": ".number_pricing",
    "NumbersSubstitutionData": ".numbers_substitution_data",
    "NumbersSubstitutionEvent": ".numbers_substitution_event",
    "OtpLanguage": ".otp_language",
    "OtpResent": ".otp_resent",
    "OtpResentResponse": ".otp_resent_response",
    "OtpSent": ".otp_sent",
    "OtpSentResponse": ".otp_sent_response",
    "OtpVerification": ".otp_verification",
    "OtpVerificationResponse": ".otp_verification_response",
    "PhoneNumberRecord": ".phone_number_record",
    "PhoneNumberRecordCarrier": ".phone_number_record_carrier",
    "PhoneNumberRecordStatus": ".phone_number_record_status",
    "Quota": ".quota",
    "ReactionAction": ".reaction_action",
    "RegisterDomainRequest": ".register_domain_request",
    "RegisterDomainRequestRegion": ".register_domain_request_region",
    "ResendOtpRequest": ".resend_otp_request",
    "ReverseOtpCancellation": ".reverse_otp_cancellation",
    "ReverseOtpCancellationResponse": ".reverse_otp_cancellation_response",
    "ReverseOtpService": ".reverse_otp_service",
    "ReverseOtpSession": ".reverse_otp_session",
    "ReverseOtpSessionResponse": ".reverse_otp_session_response",
    "ReverseOtpStatus": ".reverse_otp_status",
    "ReverseOtpStatusResponse": ".reverse_otp_status_response",
    "ReverseOtpStatusStatus": ".reverse_otp_status_status",
    "ReverseOtpUi": ".reverse_otp_ui",
    "ReverseOtpVerifiedData": ".reverse_otp_verified_data",
    "ReverseOtpVerifiedEvent": ".reverse_otp_verified_event",
    "SendEmailRequest": ".send_email_request",
    "SendImessageRequest": ".send_imessage_request",
    "SendOtpRequest": ".send_otp_request",
    "SendTextRequest": ".send_text_request",
    "SendWhatsappRequest": ".send_whatsapp_request",
    "SpamRisk": ".spam_risk",
    "StoredMessage": ".stored_message",
    "StoredMessageResponse": ".stored_message_response",
    "SuccessEnvelope": ".success_envelope",
    "Tapback": ".tapback",
    "TextChatSummary": ".text_chat_summary",
    "TextDeliveryConfirmedData": ".text_delivery_confirmed_data",
    "TextDeliveryConfirmedEvent": ".text_delivery_confirmed_event",
    "TextDeliveryFailedData": ".text_delivery_failed_data",
    "TextDeliveryFailedEvent": ".text_delivery_failed_event",
    "TextHistory": ".text_history",
    "TextHistoryMessage": ".text_history_message",
    "TextHistoryResponse": ".text_history_response",
    "TextIncomingMmsData": ".text_incoming_mms_data",
    "TextIncomingMmsEvent": ".text_incoming_mms_event",
    "TextIncomingSmsData": ".text_incoming_sms_data",
    "TextIncomingSmsEvent": ".text_incoming_sms_event",
    "TextReaction": ".text_reaction",
    "TextReactionRequest": ".text_reaction_request",
    "TimelineEvent": ".timeline_event",
    "TypingAction": ".typing_action",
    "TypingRequest": ".typing_request",
    "TypingStatus": ".typing_status",
    "TypingStatusResponse": ".typing_status_response",
    "VerifyOtpRequest": ".verify_otp_request",
    "WebhookEvent": ".webhook_event",
    "WebhookEventData": ".webhook_event_data",
    "WebhookEventMetadata": ".webhook_event_metadata",
    "WhatsappFallback": ".whatsapp_fallback",
    "WhatsappFallbackWhenItem": ".whatsapp_fallback_when_item",
    "WhatsappReactionRequest": ".whatsapp_reaction_request",
}

if not TYPE_CHECKING:
    # Hidden from type checkers, which would otherwise accept any name from this package.

    def __getattr__(name: str) -> object:
        try:
            module = _MODULE_OF[name]
        except KeyError:
            raise AttributeError(
                f"module {__name__!r} has no attribute {name!r}"
            ) from None
        value = getattr(importlib.import_module(module, __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
