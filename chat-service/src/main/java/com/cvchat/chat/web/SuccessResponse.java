package com.cvchat.chat.web;

/** The spec's envelope for answers without data: {@code {"message": "...", "success": true}}. */
public record SuccessResponse(String message, boolean success) {
}
