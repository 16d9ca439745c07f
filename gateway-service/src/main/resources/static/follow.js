// Autoscroll that gives way to the reader: a message list follows new text only while it is scrolled to the bottom.
// Once the user scrolls up it stays where it is, and a "Jump to latest" button appears until they are back down.

const NEAR_BOTTOM_PX = 48;

export class Follower {
  constructor(box, jumpButton) {
    this.box = box;
    this.jump = jumpButton;
    this.following = true;
    box.addEventListener('scroll', () => {
      this.following = this.box.scrollHeight - this.box.scrollTop - this.box.clientHeight <= NEAR_BOTTOM_PX;
      if (this.following) this.jump.hidden = true;
    }, { passive: true });
    jumpButton.addEventListener('click', () => this.toEnd());
  }

  /** New content arrived: keep to the bottom if the reader is there, else offer the jump. */
  changed() {
    if (this.following) this.box.scrollTop = this.box.scrollHeight;
    else if (this.box.scrollHeight > this.box.clientHeight) this.jump.hidden = false;
  }

  /** Back to the newest message, following again. */
  toEnd() {
    this.following = true;
    this.jump.hidden = true;
    this.box.scrollTop = this.box.scrollHeight;
  }

  reset() {
    this.following = true;
    this.jump.hidden = true;
  }
}
