// opencc-js ships each OpenCC dictionary as a module (`opencc-js/dict/<Name>`) whose default
// export is the serialized dictionary: `key value|key value|…`. The package declares no types for them.
declare module 'opencc-js/dict/*' {
  const dictionary: string;
  export default dictionary;
}
