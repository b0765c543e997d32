// The two kinds of error the model raises on bad input, each with a one-line message that names
// what is wrong, so the CLI and the app can show it as is.

/** A model file that cannot be read: bad header, bad offsets, missing or misshaped tensor, bad config. */
export class ModelFileError extends Error {
  override name = 'ModelFileError';
}

/** A run request the model cannot serve: empty sequence, token id outside the vocabulary, bad option. */
export class ModelInputError extends Error {
  override name = 'ModelInputError';
}
