package com.cvchat.platform.web;

/** The error body of every API: {@code {"error": "..."}} (the spec's format). */
public record ApiError(String error) {
}
