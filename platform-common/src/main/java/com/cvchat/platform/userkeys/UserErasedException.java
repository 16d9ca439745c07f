package com.cvchat.platform.userkeys;

/** A change was attempted for a user who has been erased: nothing more is written about them. */
public class UserErasedException extends RuntimeException {
    public UserErasedException(String userId) {
        super("User " + userId + " has been erased");
    }
}
