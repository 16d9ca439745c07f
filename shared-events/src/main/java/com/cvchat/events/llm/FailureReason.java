package com.cvchat.events.llm;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why a request failed. Stable wire names; services map them to the API's error texts. */
public enum FailureReason {
    /** Neither the user nor the server has a model API key. */
    @JsonProperty("api_key_missing") API_KEY_MISSING,
    /** The provider rejected the key. */
    @JsonProperty("api_key_invalid") API_KEY_INVALID,
    /** Rate limit that did not clear within the retry budget. */
    @JsonProperty("rate_limited") RATE_LIMITED,
    /** A per-day quota is used up; retrying today is pointless. */
    @JsonProperty("quota_exhausted") QUOTA_EXHAUSTED,
    /** The provider is unavailable or timed out after bounded retries. */
    @JsonProperty("provider_unavailable") PROVIDER_UNAVAILABLE,
    /** The provider answered with an error or a broken stream. */
    @JsonProperty("provider_error") PROVIDER_ERROR,
    /** The answer was blocked by the provider's safety filters. */
    @JsonProperty("blocked") BLOCKED,
    /** The request was cancelled ({@link LlmCancel}). */
    @JsonProperty("cancelled") CANCELLED,
    /** The request could not be understood (bad input). */
    @JsonProperty("invalid_request") INVALID_REQUEST,
    /** The total time budget was exceeded. */
    @JsonProperty("timeout") TIMEOUT
}
