// AudioWorklet: microphone → 16 kHz mono 16-bit PCM (LINEAR16), posted in 100 ms chunks (1600 samples).
// Downsampling averages the input samples that fall into each output sample's window (a box low-pass filter),
// which keeps speech intelligible and avoids the worst aliasing of plain decimation.
class Pcm16kCapture extends AudioWorkletProcessor {
  constructor(options) {
    super();
    const target = options.processorOptions?.targetRate || 16000;
    this.step = sampleRate / target;       // input samples per output sample (e.g. 3 at 48 kHz)
    this.chunk = new Int16Array(Math.round(target * (options.processorOptions?.chunkMs || 100) / 1000));
    this.filled = 0;
    this.position = 0;                       // input samples consumed towards the current output sample
    this.sum = 0;
    this.count = 0;
    this.port.onmessage = event => { if (event.data === 'flush') this.flush(); };
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const frames = channels[0].length;
    for (let i = 0; i < frames; i++) {
      let sample = 0;
      for (let c = 0; c < channels.length; c++) sample += channels[c][i];
      this.sum += sample / channels.length;
      this.count++;
      this.position++;
      if (this.position >= this.step) {
        this.position -= this.step;
        this.emit(this.sum / this.count);
        this.sum = 0;
        this.count = 0;
      }
    }
    return true;
  }

  emit(value) {
    const clamped = Math.max(-1, Math.min(1, value));
    this.chunk[this.filled++] = clamped < 0 ? clamped * 0x8000 : clamped * 0x7fff;
    if (this.filled === this.chunk.length) this.flush();
  }

  flush() {
    if (this.filled === 0) return;
    const out = this.chunk.slice(0, this.filled);
    this.port.postMessage(out.buffer, [out.buffer]);
    this.filled = 0;
  }
}

registerProcessor('pcm16k-capture', Pcm16kCapture);
