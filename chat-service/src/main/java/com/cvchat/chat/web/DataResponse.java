package com.cvchat.chat.web;

/** The spec's success envelope: {@code {"message": "...", "data": ...}}. */
public record DataResponse<T>(String message, T data) {
}
