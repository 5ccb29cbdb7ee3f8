// The one error type of the ONNX name tagger: a one-line message that names the file at fault.
export class OnnxNerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OnnxNerError';
  }
}
